/** The model's field checks as the message the form shows next to the field. */
import { checkField } from '../../main/model/field-checks';
import type { FieldDef, FieldValue } from '../../main/model/profile';
import type { MessageKey } from './i18n/en';

export function validateField(def: FieldDef, value: FieldValue): MessageKey | null {
  const problem = checkField(def, value);
  return problem ? `validation.${problem}` : null;
}
