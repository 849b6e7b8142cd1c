import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModuleKey } from '../../../../gql/graphql';
import { ApiError } from '../../../../lib/api-error';
import { errorMessage } from '../../../../lib/error-message';
import { showApiError } from '../../../../lib/form-errors';
import { useApiMutation } from '../../../../lib/use-api';
import { featureBlockers, moduleBlockers, refusalBlockers, type ModuleState } from './module-dependencies';
import { SET_FEATURE_OPTION, SET_MODULE_ENABLED } from './modules.documents';
import { useDependencyText } from './use-dependency-text';

export type SwitchTarget = { kind: 'module'; key: ModuleKey } | { kind: 'feature'; key: string };

export interface ModuleSwitch {
  /** What the switch shows: the value being saved while the request runs. */
  checked: boolean;
  pending: boolean;
  /** Why the API refused the last change, in the user's language. */
  refusal: string | null;
  dismiss: () => void;
  flip: (enabled: boolean) => void;
}

const REFETCH = ['SettingsModules', 'Viewer'];

/**
 * Flips a module or feature option. A refusal (CONFLICT) is explained in the same words as the
 * hints under the switches: what blocks it comes from the API's reason (NEEDS_MODULES /
 * USED_BY_MODULES with `params.modules`), else from fresh `modules` data; the switches are
 * fetched again either way (someone else may have switched something meanwhile). Never the
 * API's English message.
 */
export function useModuleSwitch(target: SwitchTarget, enabled: boolean, reload: () => Promise<ModuleState[] | null>): ModuleSwitch {
  const { t } = useTranslation();
  const text = useDependencyText();
  const [refusal, setRefusal] = useState<string | null>(null);
  const setModule = useApiMutation(SET_MODULE_ENABLED, REFETCH);
  const setFeature = useApiMutation(SET_FEATURE_OPTION, REFETCH);
  const mutation = target.kind === 'module' ? setModule : setFeature;
  const saving = mutation.variables?.input.enabled;

  async function explain(error: unknown, wanted: boolean) {
    if (!(error instanceof ApiError) || error.code !== 'CONFLICT') {
      showApiError(t, error);
      return;
    }
    const modules = await reload();
    const workedOut = modules ? (target.kind === 'module' ? moduleBlockers(modules, target.key, wanted) : featureBlockers(modules, target.key, wanted)) : null;
    const blockers = refusalBlockers(error) ?? workedOut;
    setRefusal((blockers && text.refusal(target.kind, target.key, blockers)) ?? errorMessage(t, error));
  }

  function flip(wanted: boolean) {
    setRefusal(null);
    const callbacks = { onError: (error: unknown) => void explain(error, wanted) };
    if (target.kind === 'module') setModule.mutate({ input: { module: target.key, enabled: wanted } }, callbacks);
    else setFeature.mutate({ input: { key: target.key, enabled: wanted } }, callbacks);
  }

  return {
    checked: mutation.isPending && saving !== undefined ? saving : enabled,
    pending: mutation.isPending,
    refusal,
    dismiss: () => setRefusal(null),
    flip,
  };
}
