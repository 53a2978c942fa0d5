package com.novabilling.app.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerTypePredicate;
import org.springframework.web.servlet.config.annotation.PathMatchConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Every NovaBilling controller lives under {@code /api}, except those marked {@link Unprefixed}. */
@Configuration
public class WebConfiguration implements WebMvcConfigurer {

    public static final String API_PREFIX = "/api";

    @Override
    public void configurePathMatch(PathMatchConfigurer configurer) {
        configurer.addPathPrefix(API_PREFIX, HandlerTypePredicate.forBasePackage("com.novabilling")
                .and(type -> !type.isAnnotationPresent(Unprefixed.class)));
    }
}
