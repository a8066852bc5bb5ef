import { type ReactNode, useEffect, useRef, useState } from "react";
import { Button } from "./button.tsx";

type MenuProps = {
  label: string;
  testId: string;
  children: ReactNode;
  variant?: "primary" | "secondary";
  size?: "sm" | "md";
};

/** A button that opens a short list of actions; a click outside, Escape or picking an item closes it. */
export function Menu({ label, testId, children, variant = "secondary", size = "sm" }: MenuProps) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const onPointer = (event: MouseEvent) => {
      if (!ref.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") setOpen(false);
    };
    document.addEventListener("mousedown", onPointer);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("mousedown", onPointer);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);
  return (
    <div className="menu" ref={ref}>
      <Button
        variant={variant}
        size={size}
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        data-testid={testId}
      >
        {label} <span aria-hidden="true">▾</span>
      </Button>
      {open ? (
        // Items are buttons; a click on one has run its action by the time this closes the list.
        // biome-ignore lint/a11y/useKeyWithClickEvents: the items inside are focusable buttons with their own keys
        <div role="menu" className="menu-list" onClick={() => setOpen(false)}>
          {children}
        </div>
      ) : null}
    </div>
  );
}

type ItemProps = { onSelect: () => void; children: ReactNode; testId: string; disabled?: boolean; hint?: string };

export function MenuItem({ onSelect, children, testId, disabled, hint }: ItemProps) {
  return (
    <button
      type="button"
      role="menuitem"
      className="menu-item"
      disabled={disabled}
      onClick={onSelect}
      data-testid={testId}
    >
      <span>{children}</span>
      {hint ? <span className="menu-hint">{hint}</span> : null}
    </button>
  );
}
