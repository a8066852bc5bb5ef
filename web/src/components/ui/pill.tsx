import type { ReactNode } from "react";

export type Tone = "grey" | "amber" | "blue" | "green" | "indigo" | "red";

export function Pill({ tone = "grey", children, testId }: { tone?: Tone; children: ReactNode; testId?: string }) {
  return (
    <span className={`pill pill-${tone}`} data-testid={testId}>
      {children}
    </span>
  );
}
