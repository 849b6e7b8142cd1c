/** The words of the form, in the language the company's website speaks (the user's, by default). */
export interface SnippetLabels {
  email: string;
  firstName: string;
  lastName: string;
  submit: string;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/**
 * A plain HTML form to paste into any website: it posts form-encoded to the list's public address,
 * which sends the browser on to Kontor's page saying what happened (confirm by email, or subscribed).
 * No script and no style, so it fits any site and any content security policy.
 */
export function formSnippet(formUrl: string, labels: SnippetLabels, withName: boolean): string {
  const field = (label: string, type: string, name: string, autocomplete: string, required: boolean) =>
    `  <p><label>${escapeHtml(label)}<br><input type="${type}" name="${name}" autocomplete="${autocomplete}" maxlength="${name === 'email' ? 320 : 200}"${required ? ' required' : ''}></label></p>`;
  return [
    `<form action="${escapeHtml(formUrl)}" method="post" accept-charset="utf-8">`,
    ...(withName ? [field(labels.firstName, 'text', 'firstName', 'given-name', false), field(labels.lastName, 'text', 'lastName', 'family-name', false)] : []),
    field(labels.email, 'email', 'email', 'email', true),
    `  <p><button type="submit">${escapeHtml(labels.submit)}</button></p>`,
    '</form>',
  ].join('\n');
}
