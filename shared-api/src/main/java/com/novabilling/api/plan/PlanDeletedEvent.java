package com.novabilling.api.plan;

public record PlanDeletedEvent(String planId, String code) {
}
