import { Alert, Box, Button, Divider, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconDeviceFloppy, IconLock, IconPlayerPlay } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useApiMutation } from '../../../lib/use-api';
import { useViewer } from '../../../lib/viewer';
import { FormSection } from '../../crm/shared/FormSection';
import { activationProblems } from './activation';
import { ACTIVATE_AUTOMATION, AUTOMATION_QUERIES, CREATE_AUTOMATION, UPDATE_AUTOMATION } from './automation.documents';
import { automationErrorMessage, showAutomationError } from './automation-errors';
import {
  createAutomationInput,
  sendsSomething,
  updateAutomationInput,
  validateAutomation,
  type AutomationDetail,
  type AutomationFormValues,
  type AutomationLocks,
} from './automation-form';
import { triggerWords } from './automation-words';
import { AutomationFlow } from './AutomationFlow';
import { StepFlow } from './StepFlow';
import { TriggerFields } from './TriggerFields';
import { useAutomationOptions, useHourFormat } from './use-automation-names';

interface AutomationBuilderProps {
  initial: AutomationFormValues;
  /** The automation being changed; none: a new one. */
  automation?: AutomationDetail;
  /** What may not change now, and why (see automationLocks). */
  locks?: AutomationLocks;
}

const OPEN: AutomationLocks = { trigger: null, steps: null };

/** A part's heading, as FormSection writes it, over a part that spans the whole width. */
function SectionHeading({ children }: { children: ReactNode }) {
  return (
    <Text component="h2" fz="sm" fw={600} c="dimmed" tt="uppercase" style={{ letterSpacing: '0.04em' }} m={0}>
      {children}
    </Text>
  );
}

/**
 * The one form for building an automation: its name, what starts it, and its steps as a flow.
 * "Save" keeps it (a new one as a draft); "Save and switch on" then activates it. A part the API
 * would not change now (the trigger and steps of an active one, steps people went through) is shown
 * read-only with the reason, and left out of the change.
 */
export function AutomationBuilder({ initial, automation, locks = OPEN }: AutomationBuilderProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const viewer = useViewer();
  const options = useAutomationOptions();
  const hour = useHourFormat();
  const [savedId, setSavedId] = useState<string | null>(automation?.id ?? null);
  const [busy, setBusy] = useState<'save' | 'activate' | null>(null);
  const create = useApiMutation(CREATE_AUTOMATION, AUTOMATION_QUERIES);
  const update = useApiMutation(UPDATE_AUTOMATION, AUTOMATION_QUERIES);
  const activate = useApiMutation(ACTIVATE_AUTOMATION, AUTOMATION_QUERIES);
  const form = useForm<AutomationFormValues>({ initialValues: initial, validate: (values) => validateAutomation(t, values, locks) });
  const canActivate = automation?.status !== 'ACTIVE';

  /** Creates the automation the first time, changes it afterwards (never adds it twice); its id. */
  async function persist(values: AutomationFormValues): Promise<string> {
    if (savedId) {
      await update.mutateAsync({ input: updateAutomationInput(savedId, values, locks) });
      return savedId;
    }
    const { createAutomation } = await create.mutateAsync({ input: createAutomationInput(values) });
    setSavedId(createAutomation.id);
    return createAutomation.id;
  }

  async function save(values: AutomationFormValues, andActivate: boolean) {
    setBusy(andActivate ? 'activate' : 'save');
    let id: string;
    try {
      id = await persist(values);
    } catch (error) {
      showAutomationError(t, error, form);
      setBusy(null);
      return;
    }
    try {
      // What the API would refuse (a segment deleted since, in a part that could not change) is said instead of asked.
      const problem = andActivate ? activationProblems({ trigger: values.trigger, steps: values.steps.map((step, position) => ({ ...step, position })) })[0] : undefined;
      if (problem) {
        notifications.show({ color: 'red', title: t('automations.activate.failed'), message: t(`automations.activate.problem.${problem.key}`, { step: problem.step }) });
      } else if (andActivate) {
        await activate.mutateAsync({ input: { id } });
        notifications.show({ color: 'green', message: t('automations.activated', { name: values.name.trim() }) });
      } else {
        notifications.show({ color: 'green', message: automation ? t('automations.saved') : t('automations.draftSaved', { name: values.name.trim() }) });
      }
    } catch (error) {
      // Saved, but not switched on: the page says why, and offers to try again.
      notifications.show({ color: 'red', title: t('automations.activate.failed'), message: automationErrorMessage(t, error) });
    } finally {
      setBusy(null);
    }
    navigate(`/campaigns/automations/${id}`);
  }

  const values = form.values;
  const zone = viewer?.tenant.settings.timeZone ?? 'UTC';

  return (
    <form onSubmit={form.onSubmit((v) => void save(v, false))} noValidate aria-label={t('automations.form.label')}>
      <Paper withBorder radius="md" p={{ base: 'md', sm: 'xl' }}>
        <Stack gap="lg">
          <FormSection title={t('automations.form.nameSection')}>
            <TextInput label={t('automations.form.name')} description={t('automations.form.nameHint')} required autoComplete="off" data-autofocus {...form.getInputProps('name')} />
          </FormSection>
          <Divider />
          <Stack gap="sm">
            <SectionHeading>{t('automations.form.triggerSection')}</SectionHeading>
            <Box maw={560}>
              <TriggerFields form={form} options={options} zone={zone} activatedBefore={Boolean(automation?.activatedAt)} disabled={locks.trigger !== null} />
            </Box>
            {locks.trigger && (
              <Alert color="gray" icon={<IconLock />} role="status">
                {t(`automations.locks.trigger.${locks.trigger}`)}
              </Alert>
            )}
          </Stack>
          <Divider />
          <Stack gap="sm">
            <SectionHeading>{t('automations.form.stepsSection')}</SectionHeading>
            {locks.steps ? (
              <>
                <Alert color="gray" icon={<IconLock />} role="status">
                  {t(`automations.locks.steps.${locks.steps}`)}
                </Alert>
                <Box maw={640}>
                  <AutomationFlow
                    label={t('automations.flow.label')}
                    triggerWords={triggerWords(t, values.trigger, options.names, hour)}
                    steps={values.steps.map((step, position) => ({ ...step, position }))}
                    names={options.names}
                  />
                </Box>
              </>
            ) : (
              <Box maw={640}>
                <StepFlow form={form} options={options} />
              </Box>
            )}
            {values.steps.length > 0 && !sendsSomething(values.steps) && (
              <Alert color="yellow" variant="light" icon={<IconAlertTriangle />} role="status">
                {t('automations.form.sendsNothing')}
              </Alert>
            )}
          </Stack>
        </Stack>
      </Paper>
      <Group justify="flex-end" gap="sm" mt="lg">
        <Button component={Link} to={automation ? `/campaigns/automations/${automation.id}` : '/campaigns/automations'} variant="default">
          {t('common.cancel')}
        </Button>
        <Button type="submit" variant={canActivate ? 'default' : 'filled'} loading={busy === 'save'} disabled={busy === 'activate'} leftSection={<IconDeviceFloppy size={16} aria-hidden />}>
          {automation ? t('common.save') : t('automations.saveDraft')}
        </Button>
        {canActivate && (
          <Button
            loading={busy === 'activate'}
            disabled={busy === 'save'}
            leftSection={<IconPlayerPlay size={16} aria-hidden />}
            onClick={() => {
              const checked = form.validate();
              if (!checked.hasErrors) void save(form.values, true);
            }}
          >
            {t('automations.saveAndActivate')}
          </Button>
        )}
      </Group>
    </form>
  );
}
