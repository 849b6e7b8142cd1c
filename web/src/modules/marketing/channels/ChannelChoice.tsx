import { Radio, Stack } from '@mantine/core';

interface ChannelChoiceProps {
  label: string;
  own: boolean;
  platformLabel: string;
  ownLabel: string;
  onChange: (own: boolean) => void;
}

/** The platform's account or the company's own, as two radio buttons. */
export function ChannelChoice({ label, own, platformLabel, ownLabel, onChange }: ChannelChoiceProps) {
  return (
    <Radio.Group label={label} value={own ? 'own' : 'platform'} onChange={(value) => onChange(value === 'own')}>
      <Stack gap="xs" mt="xs">
        <Radio value="platform" label={platformLabel} />
        <Radio value="own" label={ownLabel} />
      </Stack>
    </Radio.Group>
  );
}
