/** How a locale writes large numbers: its grouping mark ("." in ro-RO, a no-break space in nb-NO) and its decimal mark. */
export interface NumberSeparators {
  thousandSeparator: string | undefined;
  decimalSeparator: string;
}

export function numberSeparators(locale: string): NumberSeparators {
  // A million: some locales (es-ES) group only from five digits on.
  const parts = new Intl.NumberFormat(locale).formatToParts(1_000_000.5);
  return {
    thousandSeparator: parts.find((part) => part.type === 'group')?.value,
    decimalSeparator: parts.find((part) => part.type === 'decimal')?.value ?? '.',
  };
}
