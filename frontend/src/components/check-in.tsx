import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CombinedError } from 'urql';
import { describeError, describeUserError, type UserErrorLike } from '@/lib/graphql/errors';

// The pieces of the phone check-in pages (a meeting's, an activity's), in plain HTML and CSS
// (first-screen.css): the page a QR code opens is a first screen too, so it loads no UI library.

/** The card: what one checks in to (a level-1 heading), when and where, then the form or the outcome. */
export function CheckInCard({
  title,
  when,
  where,
  children,
}: {
  title: string;
  when: string;
  where?: string | null;
  children: ReactNode;
}) {
  return (
    <section className="auth-card check-in-card" aria-labelledby="check-in-title">
      <h1 id="check-in-title">{title}</h1>
      <p className="check-in-card__when">
        {when}
        {where && (
          <>
            <br />
            {where}
          </>
        )}
      </p>
      {children}
    </section>
  );
}

/** A failed query, in the user's language, with a retry button. */
export function CheckInError({ error, onRetry }: { error: CombinedError; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="form-alert check-in-error" role="alert">
      <span>{describeError(error, t)}</span>
      <button type="button" className="plain-button" onClick={onRetry}>
        {t('common.retry')}
      </button>
    </div>
  );
}

/** Nothing to check in to (not found, or not invited). */
export function CheckInEmpty({ children }: { children: ReactNode }) {
  return (
    <section className="auth-card check-in-card">
      <h1>{children}</h1>
    </section>
  );
}

function SuccessIcon() {
  return (
    <svg viewBox="0 0 24 24" width="64" height="64" aria-hidden="true" focusable="false">
      <circle cx="12" cy="12" r="11" fill="#389e0d" />
      <path
        d="M6.5 12.5l3.5 3.5 7.5-8"
        fill="none"
        stroke="#fff"
        strokeWidth="2.2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

function InfoIcon() {
  return (
    <svg viewBox="0 0 24 24" width="64" height="64" aria-hidden="true" focusable="false">
      <circle cx="12" cy="12" r="11" fill="#0958d9" />
      <path d="M12 10.5v6.5" stroke="#fff" strokeWidth="2.2" strokeLinecap="round" />
      <circle cx="12" cy="7" r="1.4" fill="#fff" />
    </svg>
  );
}

/** The outcome (checked in, or check-in not open): announced as a status, with an optional way on. */
export function CheckInOutcome({
  tone,
  title,
  detail,
  linkTo,
  linkText,
}: {
  tone: 'success' | 'info';
  title: string;
  detail?: string | null;
  linkTo?: string;
  linkText?: string;
}) {
  return (
    <div className="check-in-outcome">
      {tone === 'success' ? <SuccessIcon /> : <InfoIcon />}
      <p className="check-in-outcome__title" role="status">
        {title}
      </p>
      {detail && <p className="check-in-outcome__detail">{detail}</p>}
      {linkTo && linkText && (
        <Link to={linkTo} className="secondary-button">
          {linkText}
        </Link>
      )}
    </div>
  );
}

export type CheckInResult = { ok: true } | { ok: false; error?: CombinedError; userErrors?: readonly UserErrorLike[] };

/**
 * The code (from the QR link, editable) and one big button. `submit` returns the mutation's outcome;
 * a userError on one of `codeFields` shows on the code, any other in an alert above the form.
 */
export function CheckInForm({
  name,
  label,
  placeholder,
  submitLabel,
  requiredMessage,
  initialCode,
  numeric = false,
  maxLength,
  busy,
  codeFields,
  submit,
}: {
  /** The form's accessible name (the page's title). */
  name: string;
  label: string;
  placeholder?: string;
  submitLabel: string;
  requiredMessage: string;
  initialCode: string;
  numeric?: boolean;
  maxLength?: number;
  busy: boolean;
  codeFields: readonly string[];
  submit: (code: string) => Promise<CheckInResult>;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [code, setCode] = useState(initialCode);
  const [codeError, setCodeError] = useState<string | null>(null);
  const [alert, setAlert] = useState<string | null>(null);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setAlert(null);
    if (code.trim() === '') {
      setCodeError(requiredMessage);
      return;
    }
    setCodeError(null);
    const result = await submit(code.trim());
    if (result.ok) return;
    if (result.error) {
      setAlert(describeError(result.error, t));
      return;
    }
    const onCode: string[] = [];
    const unmatched: string[] = [];
    for (const userError of result.userErrors ?? []) {
      const field = userError.field.replace(/^input\./, '').split('.')[0] ?? '';
      (codeFields.includes(field) ? onCode : unmatched).push(describeUserError(userError, t));
    }
    setCodeError(onCode.length > 0 ? onCode.join(' ') : null);
    setAlert(unmatched.length > 0 ? unmatched.join(' ') : null);
  };

  return (
    <form
      className="plain-form check-in-form"
      noValidate
      aria-label={name}
      aria-busy={busy}
      onSubmit={(event) => void onSubmit(event)}
    >
      {alert && (
        <p className="form-alert" role="alert">
          {alert}
        </p>
      )}
      <div className="form-field">
        <label htmlFor={`${id}-code`}>{label}</label>
        <input
          id={`${id}-code`}
          name="code"
          className="check-in-form__code"
          value={code}
          onChange={(event) => setCode(event.target.value)}
          placeholder={placeholder}
          autoComplete="one-time-code"
          autoCapitalize="characters"
          spellCheck={false}
          inputMode={numeric ? 'numeric' : undefined}
          maxLength={maxLength}
          required
          aria-invalid={codeError ? true : undefined}
          aria-describedby={codeError ? `${id}-code-error` : undefined}
          disabled={busy}
        />
        {codeError && (
          <p id={`${id}-code-error`} className="form-field__error">
            {codeError}
          </p>
        )}
      </div>
      <button type="submit" className="primary-button check-in-form__submit" disabled={busy}>
        {busy && <span className="full-page-spinner__wheel primary-button__wheel" aria-hidden="true" />}
        {submitLabel}
      </button>
    </form>
  );
}
