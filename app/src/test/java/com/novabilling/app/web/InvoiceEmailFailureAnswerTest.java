package com.novabilling.app.web;

import com.novabilling.app.invoice.document.InvoiceEmailAttempt;
import com.novabilling.app.invoice.document.InvoiceEmailFailedException;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

import java.time.Clock;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** An invoice e-mail the tenant's SMTP server did not take answers 502 with the server's own reply. */
class InvoiceEmailFailureAnswerTest {

    private final ApiExceptionHandler handler = new ApiExceptionHandler(Clock.systemUTC());

    @Test
    void aFailedSendAnswers502WithTheServersMessageAlsoWhenWrapped() {
        InvoiceEmailFailedException failure = new InvoiceEmailFailedException(new InvoiceEmailAttempt(Instant.now(),
                "nobody@acme.test", InvoiceEmailAttempt.Outcome.FAILED, "550 5.1.1 No such user here"));
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/invoices/inv_1/send-email");

        for (ResponseEntity<ApiError> answer : new ResponseEntity[] {handler.invoiceEmailFailed(failure, request),
                handler.anything(new RuntimeException("wrapped", failure), request)}) {
            assertThat(answer.getStatusCode().value()).isEqualTo(502);
            assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
            assertThat(answer.getBody().statusCode()).isEqualTo(502);
            assertThat(answer.getBody().message()).isEqualTo("The invoice e-mail was not sent: 550 5.1.1 No such user here");
            assertThat(answer.getBody().path()).isEqualTo("/api/invoices/inv_1/send-email");
        }
    }
}
