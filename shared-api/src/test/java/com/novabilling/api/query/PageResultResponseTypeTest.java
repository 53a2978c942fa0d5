package com.novabilling.api.query;

import com.novabilling.api.customer.CustomerView;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Type;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

class PageResultResponseTypeTest {

    @SuppressWarnings("unused")
    private interface Handlers {
        PageResult<CustomerView> customers();

        CompletableFuture<PageResult<CustomerView>> customersLater();

        PageResult<String> strings();

        CustomerView single();
    }

    private static Type returnTypeOf(String method) throws NoSuchMethodException {
        return Handlers.class.getMethod(method).getGenericReturnType();
    }

    @Test
    void matchesHandlersReturningPagesOfTheElementType() throws Exception {
        PageResultResponseType<CustomerView> responseType = PageResultResponseType.pageOf(CustomerView.class);

        assertThat(responseType.matches(returnTypeOf("customers"))).isTrue();
        assertThat(responseType.matches(returnTypeOf("customersLater"))).isTrue();
    }

    @Test
    void doesNotMatchOtherElementTypesOrSingleResults() throws Exception {
        PageResultResponseType<CustomerView> responseType = PageResultResponseType.pageOf(CustomerView.class);

        assertThat(responseType.matches(returnTypeOf("strings"))).isFalse();
        assertThat(responseType.matches(returnTypeOf("single"))).isFalse();
        assertThat(responseType.responseMessagePayloadType()).isEqualTo(PageResult.class);
    }
}
