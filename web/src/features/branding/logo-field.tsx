import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type ChangeEvent, useId, useState } from "react";
import { Button } from "../../components/ui/button.tsx";
import { ErrorBanner } from "../../components/ui/error-banner.tsx";
import { useToast } from "../../components/ui/toast.tsx";
import { type ApiError, api } from "../../lib/api.ts";
import { BRANDING_KEY, fileToBase64, MAX_LOGO_BYTES } from "./queries.ts";
import type { Branding, BrandingLogoUpload } from "./types.ts";

/** The current logo, a file picker (PNG or JPEG, ≤ 512 KiB) and Remove. */
export function LogoField({ branding }: { branding: Branding }) {
  const client = useQueryClient();
  const toast = useToast();
  const inputId = useId();
  const [tooLarge, setTooLarge] = useState<string | null>(null);
  const upload = useMutation<Branding, ApiError, File>({
    mutationFn: async (file) => {
      const body: BrandingLogoUpload = { data_base64: await fileToBase64(file) };
      return api("/branding/logo", { method: "PUT", body });
    },
    onSuccess: (saved) => {
      client.setQueryData(BRANDING_KEY, saved);
      toast("Logo saved");
    },
  });
  const remove = useMutation<Branding, ApiError>({
    mutationFn: () => api("/branding/logo", { method: "DELETE" }),
    onSuccess: (saved) => {
      client.setQueryData(BRANDING_KEY, saved);
      toast("Logo removed");
    },
  });
  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    if (file.size > MAX_LOGO_BYTES) {
      setTooLarge(`${file.name} is ${Math.ceil(file.size / 1024)} KiB; the limit is 512 KiB.`);
      return;
    }
    setTooLarge(null);
    upload.mutate(file);
  };
  return (
    <div className="field" data-testid="branding-logo">
      <label htmlFor={inputId}>Logo</label>
      {branding.logo ? (
        <img
          className="branding-logo-preview"
          src={branding.logo.url}
          alt={`${branding.name} logo`}
          style={{ maxWidth: 240, maxHeight: 90, objectFit: "contain", display: "block", marginBottom: 8 }}
          data-testid="branding-logo-preview"
        />
      ) : (
        <p className="muted small">No logo yet: invoices show the name only.</p>
      )}
      <input
        id={inputId}
        type="file"
        accept="image/png,image/jpeg"
        onChange={choose}
        disabled={upload.isPending}
        data-testid="branding-logo-input"
      />
      <p className="field-hint">
        PNG or JPEG, at most 512 KiB. Shown on invoices, invoice emails and the client portal.
      </p>
      {tooLarge ? (
        <p className="field-error" role="alert" data-testid="field-error">
          {tooLarge}
        </p>
      ) : null}
      <ErrorBanner error={upload.error ?? remove.error} />
      {branding.logo ? (
        <Button
          size="sm"
          variant="ghost"
          busy={remove.isPending}
          onClick={() => remove.mutate()}
          data-testid="remove-logo"
        >
          Remove logo
        </Button>
      ) : null}
    </div>
  );
}
