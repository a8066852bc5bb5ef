import { useQuery } from "@tanstack/react-query";
import { api } from "../../lib/api.ts";
import type { Branding } from "./types.ts";

export const BRANDING_KEY = ["settings", "branding"] as const;

export function useBranding() {
  return useQuery({ queryKey: BRANDING_KEY, queryFn: () => api<Branding>("/branding") });
}

/** 512 KiB, as the server enforces: checked here too so a large file is refused before it is sent. */
export const MAX_LOGO_BYTES = 512 * 1024;

/** The file's bytes as base64, which is how PUT /branding/logo takes them. */
export function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error ?? new Error("The file could not be read."));
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(",") + 1));
    };
    reader.readAsDataURL(file);
  });
}
