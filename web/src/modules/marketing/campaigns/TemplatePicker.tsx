import { Anchor, Select, Text } from '@mantine/core';
import { IconTemplate } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MarketingChannel } from '../../../gql/graphql';
import { useApiQuery } from '../../../lib/use-api';
import { CAMPAIGN_TEMPLATES } from '../templates/template.documents';

interface TemplatePickerProps {
  label: string;
  description?: string;
  channel: MarketingChannel;
  value: string | null;
  onChange: (id: string | null) => void;
  /** A template not to offer (variant B is never A). */
  exclude?: string | null;
  error?: ReactNode;
  required?: boolean;
}

/**
 * A template of the campaign's channel, by name; a link writes a new one in another tab (the list is
 * asked again when this tab is back in front, so the new one is there).
 */
export function TemplatePicker({ label, description, channel, value, onChange, exclude, error, required }: TemplatePickerProps) {
  const { t } = useTranslation();
  const templates = useApiQuery(CAMPAIGN_TEMPLATES, { channel });
  const data = (templates.data?.campaignTemplates ?? []).filter((template) => template.id !== exclude).map((template) => ({ value: template.id, label: template.name }));
  const none = templates.data !== undefined && data.length === 0;
  return (
    <Select
      label={label}
      description={
        <Text span fz="xs">
          {none ? t(`marketing.templatePicker.none.${channel}`) : description}{' '}
          <Anchor component={Link} to={`/campaigns/templates/new?channel=${channel}`} target="_blank" fz="xs">
            {t('marketing.templatePicker.new')}
          </Anchor>
        </Text>
      }
      placeholder={t('marketing.templatePicker.placeholder')}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      required={required}
      allowDeselect={false}
      nothingFoundMessage={templates.isFetching ? t('common.loading') : t('marketing.templatePicker.nothingFound')}
      leftSection={<IconTemplate size={16} aria-hidden />}
      error={error}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
