package com.novabilling.api.query;

import org.axonframework.messaging.responsetypes.AbstractResponseType;

import java.beans.ConstructorProperties;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/**
 * Response type for queries answered with a {@code PageResult<T>}. Axon's {@code ResponseTypes.instanceOf(PageResult.class)}
 * does not match a handler declared to return the parameterised {@code PageResult<CustomerView>}, so list queries use
 * {@code queryGateway.query(query, PageResultResponseType.pageOf(CustomerView.class))}.
 */
public class PageResultResponseType<T> extends AbstractResponseType<PageResult<T>> {

    @ConstructorProperties({"expectedResponseType"})
    public PageResultResponseType(Class<T> expectedResponseType) {
        super(expectedResponseType);
    }

    public static <T> PageResultResponseType<T> pageOf(Class<T> elementType) {
        return new PageResultResponseType<>(elementType);
    }

    @Override
    public boolean matches(Type responseType) {
        Type unwrapped = unwrapIfTypeFuture(responseType);
        if (unwrapped instanceof ParameterizedType parameterized && parameterized.getRawType() == PageResult.class) {
            Type element = parameterized.getActualTypeArguments()[0];
            return isAssignableFrom(element) || isGenericAssignableFrom(element)
                    || isWildcardTypeWithMatchingUpperBound(element);
        }
        return false;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Class<PageResult<T>> responseMessagePayloadType() {
        return (Class) PageResult.class;
    }

    @Override
    public String toString() {
        return "PageResultResponseType{" + expectedResponseType + "}";
    }
}
