package com.novabilling.api.wallet;

/** A wallet's lifecycle: {@code ACTIVE → TERMINATED} (terminated by hand, or expired at its {@code expirationAt}). */
public enum WalletStatus {
    ACTIVE, TERMINATED
}
