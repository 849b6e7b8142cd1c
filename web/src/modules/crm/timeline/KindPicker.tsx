import { Radio, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { InteractionKind } from '../../../gql/graphql';
import { KINDS } from './interaction-form';
import { kindIcon } from './kind-icons';
import classes from './KindPicker.module.css';

/** What happened: a call, meeting, email, SMS or note, as a row of radio cards (each a real, clickable radio). */
interface KindPickerProps {
  value: InteractionKind;
  onChange: (kind: InteractionKind) => void;
  /** The chosen kind takes the focus when the dialog opens. */
  autoFocus?: boolean;
}

export function KindPicker({ value, onChange, autoFocus = false }: KindPickerProps) {
  const { t } = useTranslation();
  return (
    <Radio.Group<InteractionKind> label={t('crm.interactions.fields.kind')} value={value} onChange={onChange}>
      <SimpleGrid cols={5} spacing={6} mt={6}>
        {KINDS.map((kind) => {
          const Icon = kindIcon(kind);
          return (
            <Radio.Card key={kind} value={kind} radius="md" className={classes.card} data-autofocus={(autoFocus && kind === value) || undefined}>
              <Stack gap={2} align="center">
                <Icon size={20} aria-hidden stroke={1.6} />
                <Text fz="xs" fw={500} lh={1.2}>
                  {t(`crm.interactions.kind.${kind}`)}
                </Text>
              </Stack>
            </Radio.Card>
          );
        })}
      </SimpleGrid>
    </Radio.Group>
  );
}
