package com.novabilling.api.addon;

public record AddOnDeletedEvent(String addOnId, String code) {
}
