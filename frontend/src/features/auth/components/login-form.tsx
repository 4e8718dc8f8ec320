import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { describeError, describeUserError } from '@/lib/graphql/errors';
import { useLogin } from '../api/login';

type Field = 'login' | 'password';
type FieldErrors = Partial<Record<Field, string>>;

/** The first segment of an input path (`input.password` → `password`), if it is one of the form's fields. */
function fieldOf(path: string): Field | null {
  const name = path.replace(/^input\./, '').split('.')[0];
  return name === 'login' || name === 'password' ? name : null;
}

/**
 * The login form, in plain HTML and CSS (index.css): it is the first screen, on a phone over a mobile
 * network, so it loads no UI library. Each field shows its own error, tied to it for screen readers.
 */
export function LoginForm() {
  const { t } = useTranslation();
  const id = useId();
  const [{ fetching }, login] = useLogin();
  const [values, setValues] = useState({ login: '', password: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [showPassword, setShowPassword] = useState(false);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setAlert(null);
    const missing: FieldErrors = {};
    if (values.login.trim() === '') missing.login = t('login.loginRequired');
    if (values.password === '') missing.password = t('login.passwordRequired');
    setErrors(missing);
    if (Object.keys(missing).length > 0) return;

    const result = await login({ login: values.login.trim(), password: values.password });
    if (result.error) {
      setAlert(describeError(result.error, t, 'login'));
      return;
    }
    const fieldErrors: FieldErrors = {};
    const unmatched: string[] = [];
    for (const userError of result.data?.login.userErrors ?? []) {
      const field = fieldOf(userError.field);
      const message = describeUserError(userError, t);
      if (field) fieldErrors[field] = fieldErrors[field] ? `${fieldErrors[field]} ${message}` : message;
      else unmatched.push(message);
    }
    setErrors(fieldErrors);
    if (unmatched.length > 0) setAlert(unmatched.join(' '));
    // On success the session starts and the login route sends the user on.
  };

  const input = (field: Field) => ({
    id: `${id}-${field}`,
    name: field,
    value: values[field],
    onChange: (event: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: event.target.value })),
    'aria-invalid': errors[field] ? true : undefined,
    'aria-describedby': errors[field] ? `${id}-${field}-error` : undefined,
    disabled: fetching,
  });
  const fieldError = (field: Field) =>
    errors[field] ? (
      <p id={`${id}-${field}-error`} className="form-field__error">
        {errors[field]}
      </p>
    ) : null;

  return (
    <form className="plain-form" noValidate onSubmit={(event) => void onSubmit(event)} aria-busy={fetching}>
      {alert && (
        <p className="form-alert" role="alert">
          {alert}
        </p>
      )}
      <div className="form-field">
        <label htmlFor={`${id}-login`}>{t('login.login')}</label>
        <input
          {...input('login')}
          type="text"
          placeholder={t('login.loginPlaceholder')}
          autoComplete="username"
          inputMode="email"
          autoCapitalize="none"
          spellCheck={false}
          autoFocus
        />
        {fieldError('login')}
      </div>
      <div className="form-field">
        <label htmlFor={`${id}-password`}>{t('login.password')}</label>
        <div className="form-field__with-button">
          <input
            {...input('password')}
            type={showPassword ? 'text' : 'password'}
            placeholder={t('login.passwordPlaceholder')}
            autoComplete="current-password"
          />
          <button
            type="button"
            className="plain-button"
            aria-pressed={showPassword}
            aria-controls={`${id}-password`}
            onClick={() => setShowPassword((shown) => !shown)}
          >
            {showPassword ? t('login.hidePassword') : t('login.showPassword')}
          </button>
        </div>
        {fieldError('password')}
      </div>
      <button type="submit" className="primary-button" disabled={fetching}>
        {fetching && <span className="full-page-spinner__wheel primary-button__wheel" aria-hidden="true" />}
        {t('login.submit')}
      </button>
      <p className="auth-forgot">
        <Link to="/forgot-password" className="touch-link">
          {t('accounts.forgot.link')}
        </Link>
      </p>
      <p className="auth-hint">{t('login.invitationHint')}</p>
    </form>
  );
}
