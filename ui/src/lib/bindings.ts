// Generated from the Rust types by `make bindings`. Do not edit by hand.

export type IpcError = { code: string, message: string, 
/**
 * The input field the error is about, so the UI can show it next to that field.
 */
field: string | null, };

/**
 * Facts the UI needs at start.
 */
export type AppInfo = { version: string, db_path: string, 
/**
 * The OS locale, e.g. `fi-FI`; the UI picks its language from it.
 */
locale: string, person: string, };

/**
 * How the complaint reached the desk.
 */
export type Channel = "phone" | "counter" | "email" | "chat" | "web_form" | "letter";

export type Priority = "low" | "normal" | "high" | "urgent";

/**
 * The customer as typed at intake. Matching to an existing customer happens in the store.
 */
export type CustomerInput = { name: string, email: string | null, phone: string | null, customer_number: string | null, };

/**
 * What an agent submits to open a case. Validate it with [`NewCase::validate`].
 */
export type NewCase = { channel: Channel, customer: CustomerInput, 
/**
 * Product, order or invoice reference.
 */
product_ref: string | null, 
/**
 * What happened, in the customer's own words.
 */
description: string, 
/**
 * The remedy the customer asks for, recorded at receipt.
 */
requested_remedy: string, priority: Priority, category: string | null, tags: Array<string>, 
/**
 * Whether the customer was told the case was received and given its reference.
 */
acknowledged: boolean, };

/**
 * One row of the case list.
 */
export type CaseSummary = { id: number, reference: string, received_at: string, customer_name: string, channel: string, priority: string, stage: string, owner: string, 
/**
 * The start of the customer's description, for the list.
 */
summary: string, 
/**
 * The earliest due time of the case's open promises.
 */
next_promise_due: string | null, };

/**
 * Which cases to list: newest first, one page at a time.
 */
export type CaseListQuery = { 
/**
 * Only cases in this stage.
 */
stage: string | null, 
/**
 * Only cases owned by this person.
 */
owner: string | null, 
/**
 * Page size; at most 500.
 */
limit: number | null, 
/**
 * Continue after this case (the last id of the previous page).
 */
after_id: number | null, };

export type Customer = { id: number, name: string, email: string | null, phone: string | null, customer_number: string | null, 
/**
 * How many cases this customer has had: "this customer's 3 earlier complaints".
 */
case_count: number, };
