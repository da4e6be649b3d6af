// Money travels as integer minor units with the workspace currency (docs/ARCHITECTURE.md); the currency's
// own number of minor digits (2 for USD/EUR, 0 for JPY) turns them into an amount for display.

const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(currency: string): Intl.NumberFormat {
  let format = formatters.get(currency);
  if (!format) {
    try {
      format = new Intl.NumberFormat(undefined, { style: 'currency', currency });
    } catch {
      // An unknown code in the settings: show the amount with the code rather than fail the page.
      format = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    }
    formatters.set(currency, format);
  }
  return format;
}

const wholeFormatters = new Map<string, Intl.NumberFormat>();

/** The currency's format without minor digits, for whole amounts. */
function wholeFormatterFor(currency: string): Intl.NumberFormat {
  let format = wholeFormatters.get(currency);
  if (!format) {
    const options = formatterFor(currency).resolvedOptions();
    format =
      options.style === 'currency'
        ? new Intl.NumberFormat(undefined, { style: 'currency', currency, minimumFractionDigits: 0, maximumFractionDigits: 0 })
        : new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
    wholeFormatters.set(currency, format);
  }
  return format;
}

/**
 * 1234567 minor units of USD → "$12,345.67", and a whole amount without its zero cents (425300000 →
 * "$4,253,000"): pipeline figures are whole amounts, and ".00" on millions is noise. In the reader's locale.
 */
export function formatMinor(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  const whole = minor % 10 ** digits === 0;
  const format = whole ? wholeFormatterFor(currency) : formatterFor(currency);
  const amount = minor / 10 ** digits;
  return formatterFor(currency).resolvedOptions().style === 'currency'
    ? format.format(amount)
    : `${format.format(amount)} ${currency}`;
}

/** How many minor digits the currency has (2 for USD, 0 for JPY; 2 for a code the browser does not know). */
export function minorDigits(currency: string): number {
  const options = formatterFor(currency).resolvedOptions();
  return options.style === 'currency' ? (options.maximumFractionDigits ?? 2) : 2;
}
