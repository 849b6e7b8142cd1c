import { graphql } from '../../../gql';

/** One import as the wizard shows it: the file, its mapping, its run's progress and the refused rows. */
export const IMPORT_WIZARD = graphql(`
  query ImportWizard($id: ID!) {
    import(id: $id) {
      id
      entity
      fileName
      headers
      sampleRows
      status
      dryRun
      total
      processed
      created
      updated
      skipped
      failed
      errorCount
      failureMessage
      mapping {
        column
        field
        customFieldKey
      }
      suggestedMapping {
        column
        field
        customFieldKey
      }
      dedupeBy
      onDuplicate
      defaultCountry
      consentSource
      errors(first: 200) {
        edges {
          node {
            row
            column
            columnName
            field
            customFieldKey
            reason
            message
          }
        }
      }
    }
  }
`);

/** The custom fields a file may fill in (only asked while the feature is on). */
export const IMPORT_CUSTOM_FIELDS = graphql(`
  query ImportCustomFields($entity: CustomFieldEntity) {
    customFields(entity: $entity) {
      key
      label
    }
  }
`);

export const RUN_IMPORT = graphql(`
  mutation RunImport($input: RunImportInput!) {
    runImport(input: $input) {
      id
      status
      dryRun
    }
  }
`);

/** Queries a run changes. */
export const IMPORT_QUERIES = ['ImportWizard'];
