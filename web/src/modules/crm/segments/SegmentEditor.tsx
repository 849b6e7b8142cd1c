import { Badge, CloseButton, Divider, Group, MultiSelect, Select, SimpleGrid, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomFieldFilter, SegmentEntity } from '../../../gql/graphql';
import { useApiQuery } from '../../../lib/use-api';
import { CUSTOMER_KINDS, LIFECYCLE_STAGES, SOURCE_CHANNELS } from '../customers/customer-options';
import { CONSENT_STATUSES } from '../contacts/contact-form';
import type { CustomFieldDef } from '../fields/custom-values';
import { CountrySelect } from '../shared/CountrySelect';
import { CRM_TAGS } from '../shared/tags.documents';
import { AssigneeSelect } from '../tasks/AssigneeSelect';
import { CustomFieldConditions } from './CustomFieldConditions';
import { dayOf, memberAt, otherConditions, setMember, startOfDay, stringsAt } from './segment-conditions';
import { customFieldConditionsOf, type FilterObject } from './segment-filter';

interface SegmentEditorProps {
  entity: SegmentEntity;
  /** The conditions being edited (incomplete custom field conditions included). */
  filter: FilterObject;
  onChange: (filter: FilterObject) => void;
  /** The fields of the segment's records, and (for people) of their customers. */
  fields: CustomFieldDef[];
  customerFields: CustomFieldDef[];
  customFieldsOn: boolean;
}

const ANY = 'any';
const UNOWNED = 'none';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="xs" component="section" aria-label={title}>
      <Text component="h3" fz="sm" fw={600} c="dimmed" tt="uppercase" style={{ letterSpacing: '0.04em' }} m={0}>
        {title}
      </Text>
      {children}
    </Stack>
  );
}

/** The conditions of a segment, grouped: consent, tags, the customer, custom fields, interactions, and any other saved condition. */
export function SegmentEditor({ entity, filter, onChange, fields, customerFields, customFieldsOn }: SegmentEditorProps) {
  const { t } = useTranslation();
  const tags = useApiQuery(CRM_TAGS, {}, { staleTime: 60_000 });
  const tagSuggestions = tags.data?.crmTags ?? [];
  const set = (path: string[], value: unknown) => onChange(setMember(filter, path, value));
  const people = entity === 'CONTACT';
  const consentData = [{ value: ANY, label: t('segments.editor.anyConsent') }, ...CONSENT_STATUSES.map((status) => ({ value: status, label: t(`crm.consent.status.${status}`) }))];
  const interactions = memberAt(filter, ['hasInteractions']);
  const others = otherConditions(entity, filter);
  const ownerId = memberAt(filter, ['ownerId']);
  /** A condition without a control, in words: ids are not shown, dates as days, yes/no. */
  const otherText = (name: string, key: string, value: unknown): string => {
    if (key.endsWith('Id')) return name;
    if (typeof value === 'boolean') return `${name}: ${value ? t('common.yes') : t('common.no')}`;
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) return `${name}: ${dayOf(value)}`;
    if (typeof value === 'string' || typeof value === 'number') return `${name}: ${String(value)}`;
    if (Array.isArray(value)) return `${name}: ${value.join(', ')}`;
    return name;
  };

  const stageSelect = (path: string[]) => (
    <MultiSelect
      label={t('segments.editor.stages')}
      placeholder={stringsAt(filter, path).length === 0 ? t('segments.editor.anyStage') : undefined}
      data={LIFECYCLE_STAGES.map((stage) => ({ value: stage, label: t(`crm.customers.stage.${stage}`) }))}
      value={stringsAt(filter, path)}
      onChange={(value) => set(path, value)}
      clearable
      comboboxProps={{ withinPortal: true }}
    />
  );
  const channelSelect = (path: string[]) => (
    <MultiSelect
      label={t('segments.editor.channels')}
      placeholder={stringsAt(filter, path).length === 0 ? t('segments.editor.anyChannel') : undefined}
      data={SOURCE_CHANNELS.map((channel) => ({ value: channel, label: t(`crm.customers.channel.${channel}`) }))}
      value={stringsAt(filter, path)}
      onChange={(value) => set(path, value)}
      clearable
      comboboxProps={{ withinPortal: true }}
    />
  );
  const tagsInput = (path: string[], label: string) => (
    <TagsInput
      label={label}
      description={t('segments.editor.tagsHint')}
      placeholder={stringsAt(filter, path).length === 0 ? t('segments.editor.anyTag') : undefined}
      data={tagSuggestions}
      value={stringsAt(filter, path)}
      onChange={(value) => set(path, value)}
      splitChars={[',']}
      clearable
      comboboxProps={{ withinPortal: true }}
    />
  );
  const conditions = (path: string[], label: string, list: CustomFieldDef[]) => (
    <CustomFieldConditions
      label={label}
      fields={list}
      conditions={customFieldConditionsOf((memberAt(filter, path.slice(0, -1)) as FilterObject | undefined) ?? {})}
      onChange={(next: CustomFieldFilter[]) => set(path, next)}
    />
  );
  const conditionsPath = (base: string[]) => [...base, 'customFields'];

  return (
    <Stack gap="lg">
      {people && (
        <Section title={t('segments.editor.consent')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Select
              label={t('crm.consent.emailLabel')}
              data={consentData}
              value={(memberAt(filter, ['emailConsent']) as string | undefined) ?? ANY}
              onChange={(value) => set(['emailConsent'], value === ANY ? null : value)}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
            />
            <Select
              label={t('crm.consent.smsLabel')}
              data={consentData}
              value={(memberAt(filter, ['smsConsent']) as string | undefined) ?? ANY}
              onChange={(value) => set(['smsConsent'], value === ANY ? null : value)}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
            />
          </SimpleGrid>
        </Section>
      )}
      <Section title={people ? t('segments.editor.personTitle') : t('segments.editor.customerTitle')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          {tagsInput(['tags'], people ? t('segments.editor.personTags') : t('segments.editor.tags'))}
          {!people && (
            <MultiSelect
              label={t('segments.editor.kinds')}
              placeholder={stringsAt(filter, ['kinds']).length === 0 ? t('segments.editor.anyKind') : undefined}
              data={CUSTOMER_KINDS.map((kind) => ({ value: kind, label: t(`crm.customers.kind.${kind}`) }))}
              value={stringsAt(filter, ['kinds'])}
              onChange={(value) => set(['kinds'], value)}
              clearable
              comboboxProps={{ withinPortal: true }}
            />
          )}
          {!people && stageSelect(['lifecycleStages'])}
          {!people && channelSelect(['sourceChannels'])}
          {!people && (
            <AssigneeSelect
              label={t('segments.editor.owner')}
              nobodyValue={UNOWNED}
              anyone
              clearLabel={t('segments.editor.clearOwner')}
              value={memberAt(filter, ['unowned']) === true ? UNOWNED : typeof ownerId === 'string' ? ownerId : null}
              onChange={(owner) => onChange(setMember(setMember(filter, ['unowned'], owner === UNOWNED ? true : null), ['ownerId'], owner && owner !== UNOWNED ? owner : null))}
            />
          )}
          {!people && (
            <CountrySelect
              label={t('segments.editor.country')}
              placeholder={t('segments.editor.anyCountry')}
              value={(memberAt(filter, ['country']) as string | undefined) ?? null}
              onChange={(country) => set(['country'], country)}
            />
          )}
        </SimpleGrid>
        {customFieldsOn && fields.length > 0 && conditions(conditionsPath([]), people ? t('segments.editor.personFields') : t('segments.editor.customerFields'), fields)}
      </Section>
      {people && (
        <Section title={t('segments.editor.theirCustomer')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            {stageSelect(['customer', 'lifecycleStages'])}
            {channelSelect(['customer', 'sourceChannels'])}
            {tagsInput(['customer', 'tags'], t('segments.editor.customerTags'))}
          </SimpleGrid>
          {customFieldsOn && customerFields.length > 0 && conditions(conditionsPath(['customer']), t('segments.editor.customerFields'), customerFields)}
        </Section>
      )}
      <Section title={t('segments.editor.interactions')}>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          <Select
            label={t('segments.editor.hasInteractions')}
            data={[
              { value: ANY, label: t('segments.editor.interactionsAny') },
              { value: 'true', label: t('segments.editor.interactionsSome') },
              { value: 'false', label: t('segments.editor.interactionsNone') },
            ]}
            value={interactions === true ? 'true' : interactions === false ? 'false' : ANY}
            onChange={(value) => set(['hasInteractions'], value === 'true' ? true : value === 'false' ? false : null)}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
          <TextInput
            type="date"
            label={t('segments.editor.lastAfter')}
            description={t('segments.editor.lastAfterHint')}
            value={dayOf(memberAt(filter, ['lastInteractionAfter']))}
            onChange={(event) => set(['lastInteractionAfter'], startOfDay(event.currentTarget.value))}
          />
          <TextInput
            type="date"
            label={t('segments.editor.lastBefore')}
            description={t('segments.editor.lastBeforeHint')}
            value={dayOf(memberAt(filter, ['lastInteractionBefore']))}
            onChange={(event) => set(['lastInteractionBefore'], startOfDay(event.currentTarget.value))}
          />
        </SimpleGrid>
      </Section>
      {others.length > 0 && (
        <>
          <Divider />
          <Section title={t('segments.editor.other')}>
            <Text fz="sm" c="dimmed">
              {t('segments.editor.otherHint')}
            </Text>
            <Group gap="xs" role="list" aria-label={t('segments.editor.other')}>
              {others.map((other) => {
                const name = t(`segments.other.${other.name.replace('.', '_')}`, { defaultValue: other.name });
                const shown = otherText(name, other.name, other.value);
                return (
                  <Badge
                    key={other.name}
                    role="listitem"
                    variant="light"
                    color="gray"
                    radius="sm"
                    tt="none"
                    size="lg"
                    rightSection={<CloseButton size="xs" aria-label={t('segments.editor.removeOther', { name })} onClick={() => set(other.path, null)} />}
                  >
                    {shown}
                  </Badge>
                );
              })}
            </Group>
          </Section>
        </>
      )}
    </Stack>
  );
}
