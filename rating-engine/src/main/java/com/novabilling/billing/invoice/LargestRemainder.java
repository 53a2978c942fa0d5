package com.novabilling.billing.invoice;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Splits a whole number of minor units over weights in proportion, so the shares add up exactly
 * (docs/billing-rules.md §6.5): each share is first rounded down, and the units still missing go one each to the
 * largest fractional remainders, ties to the earlier weight. No share exceeds its weight when the total does not
 * exceed the sum of the weights.
 */
final class LargestRemainder {

    private LargestRemainder() {
    }

    static long[] allocate(long total, List<Long> weights) {
        if (total < 0) {
            throw new IllegalArgumentException("a negative amount is not allocated: " + total);
        }
        BigInteger sum = BigInteger.ZERO;
        for (long weight : weights) {
            if (weight < 0) {
                throw new IllegalArgumentException("negative weight " + weight);
            }
            sum = sum.add(BigInteger.valueOf(weight));
        }
        long[] shares = new long[weights.size()];
        if (total == 0) {
            return shares;
        }
        if (sum.signum() == 0) {
            throw new IllegalArgumentException(total + " cannot be allocated over weights that are all 0");
        }
        BigInteger whole = BigInteger.valueOf(total);
        List<BigInteger> remainders = new ArrayList<>(weights.size());
        long allocated = 0;
        for (int i = 0; i < shares.length; i++) {
            BigInteger[] division = whole.multiply(BigInteger.valueOf(weights.get(i))).divideAndRemainder(sum);
            shares[i] = division[0].longValueExact();
            allocated += shares[i];
            remainders.add(division[1]);
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < shares.length; i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing((Integer i) -> remainders.get(i)).reversed().thenComparing(i -> i));
        for (int k = 0; allocated < total; k++) {
            shares[order.get(k)]++;
            allocated++;
        }
        return shares;
    }
}
