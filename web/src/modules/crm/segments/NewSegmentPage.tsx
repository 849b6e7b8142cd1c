import { Box, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import { useApiMutation } from '../../../lib/use-api';
import { required } from '../../../lib/validators';
import { useCan } from '../../../lib/viewer';
import { NoPermissionAlert } from '../shared/NoPermissionAlert';
import { CREATE_SEGMENT, SEGMENT_QUERIES } from './segment.documents';
import { filterInput, isSegmentEntity, listPath, SEGMENT_NAME_MAX } from './segment-input';
import { SegmentEditorPanel } from './SegmentEditorPanel';

/** `/segments/new?entity=CONTACT|CUSTOMER`: a view built from conditions, with its live count. */
export function NewSegmentPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const can = useCan();
  const [params] = useSearchParams();
  const entityParam = params.get('entity');
  const entity = isSegmentEntity(entityParam) ? entityParam : 'CONTACT';
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const create = useApiMutation(CREATE_SEGMENT, SEGMENT_QUERIES);
  const back = listPath(entity);
  const title = entity === 'CONTACT' ? t('segments.newTitle.CONTACT') : t('segments.newTitle.CUSTOMER');

  return (
    <Box maw={1180}>
      <PageHeader title={title} subtitle={t('segments.newIntro')} back={{ to: back, label: entity === 'CONTACT' ? t('segments.page.backToPeople') : t('segments.page.backToCustomers') }} />
      {!can('CRM:write') ? (
        <NoPermissionAlert />
      ) : (
        <SegmentEditorPanel
          entity={entity}
          initial={{}}
          header={
            <TextInput
              label={t('segments.fields.name')}
              required
              autoComplete="off"
              maw={480}
              value={name}
              error={nameError}
              onChange={(event) => {
                setName(event.currentTarget.value);
                setNameError(null);
              }}
            />
          }
          submitLabel={t('segments.create')}
          onCancel={() => navigate(back)}
          beforeSave={() => {
            const error = required(t, SEGMENT_NAME_MAX)(name);
            setNameError(error);
            return error === null;
          }}
          onSave={async (filter) => {
            const { createSegment } = await create.mutateAsync({ input: { name: name.trim(), entity, ...filterInput(entity, filter) } });
            notifications.show({ color: 'green', message: t('segments.saved', { name: createSegment.name }) });
            navigate(`/segments/${createSegment.id}`);
          }}
        />
      )}
    </Box>
  );
}
