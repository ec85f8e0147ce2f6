import { tooManyRequests, unauthorized } from '../../shared/errors.js';

// One message for an unknown email, a wrong password and a disabled account:
// a failed sign-in never reveals whether the account exists.
export const invalidCredentials = () =>
  unauthorized(
    { kk: 'Электрондық пошта немесе құпиясөз қате.', ru: 'Неверная электронная почта или пароль.' },
    undefined,
    'auth.invalid_credentials',
  );

export const tooManyAttempts = (retryAfterSeconds: number) =>
  tooManyRequests(
    { kk: 'Кіру әрекеттері тым көп. Кейінірек қайталаңыз.', ru: 'Слишком много попыток входа. Повторите позже.' },
    { retryAfterSeconds },
    'auth.rate_limited',
  );
