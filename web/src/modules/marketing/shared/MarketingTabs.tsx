import { Tabs } from '@mantine/core';
import { IconBolt, IconListDetails, IconSpeakerphone, IconTemplate } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

/** Campaigns, the templates they send and automations: lists of one area, one entry in the navigation. */
export function MarketingTabs({ current }: { current: 'campaigns' | 'templates' | 'automations' | 'lists' }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Tabs value={current} onChange={(value) => value && value !== current && navigate(value === 'campaigns' ? '/campaigns' : `/campaigns/${value}`)} mb="md">
      <Tabs.List>
        <Tabs.Tab value="campaigns" leftSection={<IconSpeakerphone size={16} aria-hidden />}>
          {t('marketing.tabs.campaigns')}
        </Tabs.Tab>
        <Tabs.Tab value="templates" leftSection={<IconTemplate size={16} aria-hidden />}>
          {t('marketing.tabs.templates')}
        </Tabs.Tab>
        <Tabs.Tab value="automations" leftSection={<IconBolt size={16} aria-hidden />}>
          {t('automations.tab')}
        </Tabs.Tab>
        <Tabs.Tab value="lists" leftSection={<IconListDetails size={16} aria-hidden />}>
          {t('subscriptions.tab')}
        </Tabs.Tab>
      </Tabs.List>
    </Tabs>
  );
}
