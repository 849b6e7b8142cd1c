import { TextInput } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { AddressPart } from './address';
import { CountrySelect } from './CountrySelect';

interface AddressFieldsProps {
  /** The form's props for one part, e.g. `(part) => form.getInputProps(\`address.${part}\`)`. */
  inputProps: (part: AddressPart) => GetInputPropsReturnType;
}

/**
 * The parts of a postal address, to place in a form section (two columns from tablets up): street,
 * building, city, postal code, region and the country, picked by its name in the interface language.
 */
export function AddressFields({ inputProps }: AddressFieldsProps) {
  const { t } = useTranslation();
  const country = inputProps('country');
  return (
    <>
      <TextInput label={t('crm.address.line1')} autoComplete="off" {...inputProps('line1')} />
      <TextInput label={t('crm.address.line2')} autoComplete="off" {...inputProps('line2')} />
      <TextInput label={t('crm.address.city')} autoComplete="off" {...inputProps('city')} />
      <TextInput label={t('crm.address.postalCode')} autoComplete="off" {...inputProps('postalCode')} />
      <TextInput label={t('crm.address.region')} autoComplete="off" {...inputProps('region')} />
      <CountrySelect
        label={t('crm.address.country')}
        value={typeof country.value === 'string' ? country.value : null}
        onChange={(code) => country.onChange(code ?? '')}
        error={country.error}
        onFocus={country.onFocus}
        onBlur={country.onBlur}
      />
    </>
  );
}
