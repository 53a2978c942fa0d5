package com.novabilling.app.usage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.novabilling.api.error.ConflictException;
import com.novabilling.api.error.NotFoundException;
import com.novabilling.api.error.ValidationException;
import com.novabilling.app.web.WebConfiguration;
import com.novabilling.command.usage.UsageEventIngestion;
import com.novabilling.command.usage.UsageEventRequest;
import com.novabilling.command.usage.UsageEventView;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * {@code POST /api/events} without Spring MVC for the event it can store (docs/billing-rules.md §11): a single usage
 * event is the one request clients send thousands of times a second, and handler lookup, argument resolution,
 * content negotiation and body advice cost more than its insert. Runs after authentication and the rate limit, reads
 * the body with the application's strict JSON mapper and calls the same {@link UsageEventIngestion} as
 * {@code UsageEventController}, answering 201 (stored) or 200 (the original of a retry) the way the controller does.
 * <p>
 * Anything else goes to the controller unchanged: a body that is not JSON or not readable as an event, and an event
 * ingestion refuses (400, 404, 409: refused before anything is stored, so the controller refuses it again with the
 * one error format of every route). The body is kept and replayed for it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 40)
public class SingleEventFastPath extends OncePerRequestFilter {

    static final String PATH = WebConfiguration.API_PREFIX + "/events";

    private final UsageEventIngestion ingestion;
    private final ObjectReader requests;
    private final ObjectWriter views;

    public SingleEventFastPath(UsageEventIngestion ingestion, ObjectMapper json) {
        this.ingestion = ingestion;
        this.requests = json.readerFor(UsageEventRequest.class);
        this.views = json.writerFor(UsageEventView.class);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !PATH.equals(request.getRequestURI())
                || request.getContentLengthLong() < 0 || !isJson(request.getContentType());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body = request.getInputStream().readAllBytes();
        UsageEventIngestion.Outcome outcome;
        try {
            UsageEventRequest event = requests.readValue(body);
            outcome = event == null ? null : ingestion.ingestOne(event);
        } catch (IOException | ValidationException | NotFoundException | ConflictException refused) {
            outcome = null;
        }
        if (outcome == null) {
            chain.doFilter(new ReplayedBody(request, body), response);
            return;
        }
        boolean created = outcome instanceof UsageEventIngestion.Created;
        UsageEventView view = created ? ((UsageEventIngestion.Created) outcome).event()
                : ((UsageEventIngestion.Duplicate) outcome).original();
        byte[] answer = views.writeValueAsBytes(view);
        response.setStatus(created ? HttpServletResponse.SC_CREATED : HttpServletResponse.SC_OK);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(answer.length);
        response.getOutputStream().write(answer);
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            return MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(contentType));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The request with the body this filter has read, for the controller to read again. */
    private static final class ReplayedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        ReplayedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already read");
                }
            };
        }
    }
}
