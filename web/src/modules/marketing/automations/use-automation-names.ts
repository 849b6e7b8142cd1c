import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { intlLocale } from '../../../i18n/languages';
import { useApiQuery } from '../../../lib/use-api';
import { useSwitches } from '../../../lib/switches-store';
import { useCan } from '../../../lib/viewer';
import { CUSTOM_FIELDS } from '../../crm/fields/custom-field.documents';
import { CAMPAIGN_SEGMENTS } from '../campaigns/campaign.documents';
import { CAMPAIGN_TEMPLATES } from '../templates/template.documents';
import { AUTOMATION_PIPELINES } from './automation.documents';
import type { AutomationNames } from './automation-words';

export interface Option {
  value: string;
  label: string;
}

export interface AutomationOptions {
  names: AutomationNames;
  /** Saved segments, people's and customers' apart. */
  segments: { people: Option[]; customers: Option[] };
  pipelines: { id: string; name: string; stages: Option[] }[];
  /** The DATE custom fields of people, by key. */
  dateFields: Option[];
  /** Which CRM features are on: a trigger or step that needs one that is off is not offered. */
  on: (feature: string | null) => boolean;
}

/**
 * What the builder and the pages name and offer: segments, pipelines and their stages, people's date
 * fields and templates, each asked only while its feature is on (asked again at most twice a minute).
 */
export function useAutomationOptions(): AutomationOptions {
  const switches = useSwitches();
  const can = useCan();
  const crm = can('CRM:read');
  const on = useMemo(() => (feature: string | null) => feature === null || (crm && (switches?.has(feature) ?? false)), [switches, crm]);
  const segmentsOn = on('CRM.segments');
  const dealsOn = on('CRM.deals');
  const fieldsOn = on('CRM.customFields');
  const segments = useApiQuery(CAMPAIGN_SEGMENTS, {}, { enabled: segmentsOn, staleTime: 30_000 });
  const pipelines = useApiQuery(AUTOMATION_PIPELINES, {}, { enabled: dealsOn, staleTime: 30_000 });
  const fields = useApiQuery(CUSTOM_FIELDS, { entity: 'CONTACT' }, { enabled: fieldsOn, staleTime: 30_000 });
  const templates = useApiQuery(CAMPAIGN_TEMPLATES, { channel: null }, { staleTime: 30_000 });

  return useMemo(() => {
    // A map that answers undefined while its list loads, null once loaded (or switched off) without the id.
    const lookup = (loaded: boolean, entries: [string, string][]) => {
      const map = new Map(entries);
      return (id: string) => map.get(id) ?? (loaded ? null : undefined);
    };
    const segmentList = segments.data?.segments ?? [];
    const pipelineList = pipelines.data?.pipelines ?? [];
    const dateFieldList = (fields.data?.customFields ?? []).filter((field) => field.type === 'DATE');
    const names: AutomationNames = {
      segment: lookup(!segmentsOn || segments.data !== undefined || segments.isError, segmentList.map((s) => [s.id, s.name])),
      pipeline: lookup(!dealsOn || pipelines.data !== undefined || pipelines.isError, pipelineList.map((p) => [p.id, p.name])),
      stage: lookup(!dealsOn || pipelines.data !== undefined || pipelines.isError, pipelineList.flatMap((p) => p.stages.map((s): [string, string] => [s.id, s.name]))),
      dateField: lookup(!fieldsOn || fields.data !== undefined || fields.isError, dateFieldList.map((f) => [f.key, f.label])),
      template: lookup(templates.data !== undefined || templates.isError, (templates.data?.campaignTemplates ?? []).map((tpl) => [tpl.id, tpl.name])),
    };
    return {
      names,
      segments: {
        people: segmentList.filter((s) => s.entity === 'CONTACT').map((s) => ({ value: s.id, label: s.name })),
        customers: segmentList.filter((s) => s.entity === 'CUSTOMER').map((s) => ({ value: s.id, label: s.name })),
      },
      pipelines: pipelineList.map((p) => ({ id: p.id, name: p.name, stages: p.stages.map((s) => ({ value: s.id, label: s.name })) })),
      dateFields: dateFieldList.map((f) => ({ value: f.key, label: f.label })),
      on,
    };
  }, [segments.data, segments.isError, pipelines.data, pipelines.isError, fields.data, fields.isError, templates.data, templates.isError, segmentsOn, dealsOn, fieldsOn, on]);
}

/** An hour of the day as the user's clock shows it ("09:00" or "9:00 AM"). */
export function useHourFormat(): (hour: number) => string {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(intlLocale(i18n.language), { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' });
    return (hour: number) => format.format(Date.UTC(2000, 0, 1, hour));
  }, [i18n.language]);
}
