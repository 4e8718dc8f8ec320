import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { describeUserError, type UserErrorLike } from './errors';

/**
 * Shows each validation failure on the form field it names and returns the messages of failures that
 * match no field (to show in an alert). `fields` maps the first segment of an input path (`password`,
 * `scopes.1` → `scopes`) to the form field's name.
 */
export function showUserErrors(
  form: FormInstance,
  userErrors: readonly UserErrorLike[],
  t: TFunction,
  fields: Record<string, string>,
): string[] {
  const byField = new Map<string, string[]>();
  const unmatched: string[] = [];
  for (const userError of userErrors) {
    const inputField = userError.field.replace(/^input\./, '').split('.')[0] ?? '';
    const name = fields[inputField];
    const message = describeUserError(userError, t);
    if (name) byField.set(name, [...(byField.get(name) ?? []), message]);
    else unmatched.push(message);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return unmatched;
}
