export type EventCategory = "INVOICE" | "CONTACT";
export type EventType = "CREATE" | "UPDATE";

export interface ResourceEvent {
  tenantId: string;
  category: EventCategory;
  type: EventType;
  resourceId: string;
  atMs: number;
}

/** Where services report changes; the webhook dispatcher is the real implementation. */
export interface EventSink {
  emit(event: ResourceEvent): void;
}
