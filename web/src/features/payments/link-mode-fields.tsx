import type { PaymentLinkInterval, PaymentLinkMode } from "../../lib/types.ts";
import { INTERVALS } from "./labels.ts";

type Props = {
  mode: PaymentLinkMode;
  interval: PaymentLinkInterval;
  dueText: string | null;
  totalText: string | null;
  onMode: (mode: PaymentLinkMode) => void;
  onInterval: (interval: PaymentLinkInterval) => void;
};

/** What the link charges: once for the amount due, or the invoice total every period. */
export function LinkModeFields({ mode, interval, dueText, totalText, onMode, onInterval }: Props) {
  return (
    <>
      <fieldset className="radio-group" data-testid="payment-link-mode">
        <legend>What the link charges</legend>
        <label className="check check-strong">
          <input
            type="radio"
            name="payment-link-mode"
            checked={mode === "one_time"}
            onChange={() => onMode("one_time")}
            data-testid="payment-link-one-time"
          />
          One-time payment
        </label>
        <p className="muted small radio-hint">
          Accepts one completed payment for the amount due{dueText ? ` (${dueText})` : ""}.
        </p>
        <label className="check check-strong">
          <input
            type="radio"
            name="payment-link-mode"
            checked={mode === "subscription"}
            onChange={() => onMode("subscription")}
            data-testid="payment-link-subscription"
          />
          Subscription
        </label>
        <p className="muted small radio-hint">
          Charges the invoice total{totalText ? ` (${totalText})` : ""} every period until cancelled in Stripe.
        </p>
      </fieldset>
      {mode === "subscription" ? (
        <fieldset className="radio-group" data-testid="payment-link-interval">
          <legend>Billing period</legend>
          <div className="inline">
            {INTERVALS.map((option) => (
              <label key={option.value} className="check">
                <input
                  type="radio"
                  name="payment-link-interval"
                  value={option.value}
                  checked={interval === option.value}
                  onChange={() => onInterval(option.value)}
                  data-testid={`payment-link-interval-${option.value}`}
                />
                {option.label}
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}
    </>
  );
}
