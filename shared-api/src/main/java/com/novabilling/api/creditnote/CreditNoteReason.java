package com.novabilling.api.creditnote;

/** Why a credit note was issued (seed 001 "Credit Notes"). */
public enum CreditNoteReason {
    DUPLICATE, PRODUCT_UNSATISFACTORY, ORDER_CHANGE, OTHER
}
