package com.novabilling.command.coupon;

import com.novabilling.api.error.NotFoundException;

/** A coupon looked up by code rather than id; answered 404 like any missing resource. */
class CouponCodeNotFoundException extends NotFoundException {

    private final String code;

    CouponCodeNotFoundException(String code) {
        super("Coupon", code);
        this.code = code;
    }

    @Override
    public String getMessage() {
        return "Coupon with code '" + code + "' not found";
    }
}
