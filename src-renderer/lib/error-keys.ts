// Maps validation errors and host error codes to i18n keys (the tables in i18n/panels.*.ts hold the text).
import type { StringKey } from '../i18n/en.js';
import type { FieldError } from './packet-form.js';
import type { KnownErrorCode } from './host-errors.js';

export function errorKey(e: FieldError): StringKey {
  const key: StringKey = `form.err.${e}`;
  return key;
}

export function hostErrorKey(code: KnownErrorCode): StringKey {
  const key: StringKey = `error.code.${code}`;
  return key;
}
