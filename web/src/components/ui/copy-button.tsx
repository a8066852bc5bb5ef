import { useState } from "react";
import { Button } from "./button.tsx";

export function CopyButton({ text, label = "Copy" }: { text: string; label?: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      window.prompt("Copy this:", text);
    }
  };
  return (
    <Button size="sm" onClick={copy} data-testid="copy-button">
      {copied ? "Copied" : label}
    </Button>
  );
}
