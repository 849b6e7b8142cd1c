import { Tabs } from '@mantine/core';
import { IconAlarm, IconListCheck, IconUserCheck } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskTab } from './tasks-view';

const TABS: { value: TaskTab; icon: ReactNode }[] = [
  { value: 'mine', icon: <IconUserCheck size={16} aria-hidden /> },
  { value: 'all', icon: <IconListCheck size={16} aria-hidden /> },
  { value: 'overdue', icon: <IconAlarm size={16} aria-hidden /> },
];

function isTab(value: string | null): value is TaskTab {
  return TABS.some((tab) => tab.value === value);
}

/** "My tasks", "All" or "Overdue": which tasks the list (the active tab's panel) shows. */
export function TasksTabs({ value, onChange, children }: { value: TaskTab; onChange: (tab: TaskTab) => void; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Tabs value={value} onChange={(next) => isTab(next) && onChange(next)} mb="md">
      <Tabs.List aria-label={t('crm.tasks.tabs.label')} mb="md">
        {TABS.map((tab) => (
          <Tabs.Tab key={tab.value} value={tab.value} leftSection={tab.icon}>
            {t(`crm.tasks.tabs.${tab.value}`)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {TABS.map((tab) => (
        <Tabs.Panel key={tab.value} value={tab.value}>
          {tab.value === value && children}
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}
