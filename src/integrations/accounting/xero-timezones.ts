/**
 * Xero names an organisation's time zone the Windows way ("NEWZEALANDSTANDARDTIME"); Settle computes dates
 * with IANA names. These are the zones Xero organisations use most; an unknown one reads as null and dates
 * then fall back to UTC.
 */
const WINDOWS_TO_IANA: Record<string, string> = {
  NEWZEALANDSTANDARDTIME: "Pacific/Auckland",
  AUSEASTERNSTANDARDTIME: "Australia/Sydney",
  EAUSTRALIASTANDARDTIME: "Australia/Brisbane",
  CENAUSTRALIASTANDARDTIME: "Australia/Adelaide",
  AUSCENTRALSTANDARDTIME: "Australia/Darwin",
  WAUSTRALIASTANDARDTIME: "Australia/Perth",
  TASMANIASTANDARDTIME: "Australia/Hobart",
  GMTSTANDARDTIME: "Europe/London",
  GREENWICHSTANDARDTIME: "Atlantic/Reykjavik",
  UTC: "UTC",
  WEUROPESTANDARDTIME: "Europe/Berlin",
  ROMANCESTANDARDTIME: "Europe/Paris",
  CENTRALEUROPESTANDARDTIME: "Europe/Budapest",
  EASTERNSTANDARDTIME: "America/New_York",
  CENTRALSTANDARDTIME: "America/Chicago",
  MOUNTAINSTANDARDTIME: "America/Denver",
  USMOUNTAINSTANDARDTIME: "America/Phoenix",
  PACIFICSTANDARDTIME: "America/Los_Angeles",
  ALASKANSTANDARDTIME: "America/Anchorage",
  HAWAIIANSTANDARDTIME: "Pacific/Honolulu",
  ATLANTICSTANDARDTIME: "America/Halifax",
  SOUTHAFRICASTANDARDTIME: "Africa/Johannesburg",
  SINGAPORESTANDARDTIME: "Asia/Singapore",
  CHINASTANDARDTIME: "Asia/Shanghai",
  TOKYOSTANDARDTIME: "Asia/Tokyo",
  INDIASTANDARDTIME: "Asia/Kolkata",
  ARABIANSTANDARDTIME: "Asia/Dubai",
  FIJISTANDARDTIME: "Pacific/Fiji",
};

export function ianaTimeZone(xeroTimezone: string | null | undefined): string | null {
  if (!xeroTimezone) return null;
  return WINDOWS_TO_IANA[xeroTimezone.toUpperCase().replace(/[^A-Z]/g, "")] ?? null;
}
