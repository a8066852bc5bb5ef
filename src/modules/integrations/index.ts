export { getXeroConnectionOrThrow } from "./internal.ts";
export { LinkXeroContactInput, linkXeroContact } from "./link-xero-contact.ts";
export { SearchXeroContactsQuery, searchXeroContacts } from "./search-xero-contacts.ts";
export {
  CompleteXeroConnectInput,
  completeXeroConnect,
  disconnectXero,
  getXeroStatus,
  startXeroConnect,
  type XeroStatus,
} from "./xero-connection.ts";
export { xeroLedger } from "./xero-session.ts";
