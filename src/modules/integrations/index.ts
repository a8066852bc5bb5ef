export {
  CompleteXeroConnectInput,
  completeXeroConnect,
  disconnectXero,
  getXeroStatus,
  startXeroConnect,
  type XeroStatus,
} from "./xero-connection.ts";
export { xeroLedger } from "./xero-session.ts";
