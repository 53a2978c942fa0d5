package com.novabilling.command.customer;

import com.novabilling.api.customer.CustomerDetails;
import com.novabilling.command.web.ResourceCommands;
import com.novabilling.api.customer.CreateCustomerCommand;
import com.novabilling.api.customer.CustomerView;
import com.novabilling.api.customer.DeleteCustomerCommand;
import com.novabilling.api.customer.FindCustomerQuery;
import com.novabilling.api.customer.UpdateCustomerCommand;
import com.novabilling.api.error.NotFoundException;
import com.novabilling.command.web.DeletedResource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** Controller methods called directly with mocked gateways: what is sent and what is answered. No HTTP. */
class CustomerCommandControllerTest {

    private static final String ID = "cus_0123456789abcdef01234567";
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private final CommandGateway commandGateway = mock(CommandGateway.class);
    private final QueryGateway queryGateway = mock(QueryGateway.class);
    private final CustomerCommandController controller = new CustomerCommandController(new ResourceCommands(commandGateway, queryGateway));

    private static CustomerView view(String id) {
        return new CustomerView(id, new CustomerDetails(null, "Jane", "jane@example.com", null, "USD", null, null, null, Map.of()), NOW, NOW);
    }

    private void viewIsReadBack() {
        when(queryGateway.query(any(FindCustomerQuery.class), eq(CustomerView.class)))
                .thenAnswer(call -> CompletableFuture.completedFuture(
                        view(call.<FindCustomerQuery>getArgument(0).customerId())));
    }

    @Test
    void createSendsCommandWithNewIdAndReturnsTheStoredView() {
        viewIsReadBack();
        ArgumentCaptor<CreateCustomerCommand> sent = ArgumentCaptor.forClass(CreateCustomerCommand.class);

        CustomerView created = controller.create(
                new CreateCustomerRequest(null, "Jane", "jane@example.com", null, "usd", null, null, null, null));

        verify(commandGateway).sendAndWait(sent.capture());
        assertThat(sent.getValue().customerId()).matches("cus_[0-9a-f]{24}");
        assertThat(sent.getValue().details().currency()).isEqualTo("USD");
        assertThat(created.id()).isEqualTo(sent.getValue().customerId());
    }

    @Test
    void patchWithoutBodyIsAnUpdateThatChangesNothing() {
        viewIsReadBack();

        CustomerView updated = controller.update(ID, null);

        verify(commandGateway).sendAndWait(new UpdateCustomerCommand(ID, new CustomerDetails(null, null, null, null, null, null, null, null, null)));
        assertThat(updated).isEqualTo(view(ID));
    }

    @Test
    void deleteAnswersIdAndDeleted() {
        DeletedResource answer = controller.delete(ID);

        verify(commandGateway).sendAndWait(new DeleteCustomerCommand(ID));
        assertThat(answer).isEqualTo(new DeletedResource(ID, true));
    }

    @Test
    void idOfAnotherResourceTypeIsNotFoundWithoutLoadingAnything() {
        assertThatThrownBy(() -> controller.delete("pln_0123456789abcdef01234567"))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> controller.update("whatever", null)).isInstanceOf(NotFoundException.class);
        verifyNoInteractions(commandGateway, queryGateway);
    }

    @Test
    void queryFailureSurfacesUnwrapped() {
        when(queryGateway.query(any(FindCustomerQuery.class), eq(CustomerView.class)))
                .thenReturn(CompletableFuture.failedFuture(new NotFoundException("Customer", ID)));

        assertThatThrownBy(() -> controller.update(ID, null)).isInstanceOf(NotFoundException.class);
    }
}
