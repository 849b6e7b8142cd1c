import { Group, Text, useComputedColorScheme } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';

/** A switch's description, with the dependency note under it (inline elements only: it sits in the switch's label block). */
export function SwitchDescription({ text, hint }: { text: string; hint: string | null }) {
  const scheme = useComputedColorScheme('light');
  return (
    <>
      <Text span inherit display="block">
        {text}
      </Text>
      {hint && (
        <Group component="span" gap={4} wrap="nowrap" align="flex-start" mt={4} c={scheme === 'dark' ? 'orange.4' : 'orange.9'} fz="xs">
          <IconInfoCircle size={14} style={{ flexShrink: 0, marginTop: 2 }} aria-hidden />
          <Text span inherit>
            {hint}
          </Text>
        </Group>
      )}
    </>
  );
}
