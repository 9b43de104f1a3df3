/** Limits shared by API validation and UI forms. */
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 256;
export const PAGE_LIMIT_DEFAULT = 50;
export const PAGE_LIMIT_MAX = 200;
export const NAME_MAX = 120;
export const EMAIL_MAX = 254;
