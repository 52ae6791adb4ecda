package news.masthead.common.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import news.masthead.common.json.JsonPaths;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The one place where failures become RFC 9457 problem+json responses. */
public class ProblemMapper {
    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);
    static final String LOCK_NOT_AVAILABLE = "55P03";
    private static final Set<String> TRANSIENT_STATES = Set.of(LOCK_NOT_AVAILABLE, "40001", "40P01");
    static final int LOCK_RETRY_SECONDS = 2;
    static final int CONFLICT_RETRY_SECONDS = 1;

    @Inject
    ObjectMapper json;

    @ServerExceptionMapper
    public Response domain(DomainException e) {
        if (e instanceof NotFoundException) {
            return respond(Problem.of(ProblemType.NOT_FOUND, e.getMessage()));
        }
        if (e instanceof ConflictException) {
            return respond(Problem.of(ProblemType.CONFLICT, e.getMessage()));
        }
        if (e instanceof GoneException) {
            return respond(Problem.of(ProblemType.GONE, e.getMessage()));
        }
        if (e instanceof ForbiddenException) {
            return respond(Problem.of(ProblemType.FORBIDDEN, e.getMessage()));
        }
        if (e instanceof InvalidException invalid) {
            return respond(validation(e.getMessage(), invalid.errors()));
        }
        if (e instanceof PreconditionFailedException stale) {
            Problem p = Problem.of(ProblemType.PRECONDITION_FAILED, e.getMessage());
            Problem withRevision = new Problem(p.type(), p.title(), p.status(), p.detail(), null, stale.currentRevision());
            return Response.fromResponse(respond(withRevision))
                    .header(HttpHeaders.ETAG, "\"" + stale.currentRevision() + "\"").build();
        }
        if (e instanceof PreconditionRequiredException) {
            return respond(Problem.of(ProblemType.PRECONDITION_REQUIRED, e.getMessage()));
        }
        if (e instanceof TooManyRequestsException slow) {
            return Response.fromResponse(respond(Problem.of(ProblemType.TOO_MANY_REQUESTS, e.getMessage())))
                    .header(HttpHeaders.RETRY_AFTER, slow.retryAfterSeconds()).build();
        }
        if (e instanceof BusyException busy) {
            return retryAfter(Problem.of(ProblemType.BUSY, e.getMessage()), busy.retryAfterSeconds());
        }
        if (e instanceof PayloadTooLargeException) {
            return respond(Problem.of(ProblemType.PAYLOAD_TOO_LARGE, e.getMessage()));
        }
        return unexpected(e);
    }

    @ServerExceptionMapper
    public Response beanValidation(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return respond(validation(new InvalidException(errors).getMessage(), errors));
    }

    @ServerExceptionMapper
    public Response unknownProperty(UnrecognizedPropertyException e) {
        String field = JsonPaths.of(e);
        String message = "is not a property you may set here";
        return respond(validation("Property '" + field + "' " + message + ".", List.of(new FieldError(field, message))));
    }

    @ServerExceptionMapper
    public Response unknownType(InvalidTypeIdException e) {
        String field = JsonPaths.of(e) + ".type";
        String message = e.getTypeId() == null ? "is required" : "'" + e.getTypeId() + "' is not a known block type";
        return respond(validation("'" + field + "' " + message + ".", List.of(new FieldError(field, message))));
    }

    /** More specific than JsonMappingException, so it wins over Quarkus' own plain-JSON mapper. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return unknownProperty(u);
        }
        if (e instanceof InvalidTypeIdException t) {
            return unknownType(t);
        }
        return jsonMapping(e);
    }

    @ServerExceptionMapper
    public Response jsonMapping(JsonMappingException e) {
        String field = JsonPaths.of(e);
        if (field.isEmpty()) {
            return respond(Problem.of(ProblemType.MALFORMED_JSON, "The body is not the JSON object this operation expects."));
        }
        String message = "has the wrong type or shape";
        return respond(validation("'" + field + "' " + message + ".", List.of(new FieldError(field, message))));
    }

    @ServerExceptionMapper
    public Response malformed(JsonProcessingException e) {
        return respond(Problem.of(ProblemType.MALFORMED_JSON, "The body is not valid JSON."));
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return challenge("This operation needs a valid bearer token.");
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return challenge("The bearer token is unknown, revoked or expired.");
    }

    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e) {
        return respond(Problem.of(ProblemType.FORBIDDEN, "Your token's role may not do this."));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        if (e.getCause() instanceof JsonMappingException mapping) {
            return mapping instanceof UnrecognizedPropertyException u ? unknownProperty(u)
                    : mapping instanceof InvalidTypeIdException t ? unknownType(t) : jsonMapping(mapping);
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformed(json);
        }
        int status = e.getResponse().getStatus();
        ProblemType type = ProblemType.forStatus(status);
        if (status == 401) {
            return challenge("This operation needs a valid bearer token.");
        }
        if (status >= 500) {
            return unexpected(e);
        }
        Response problem = respond(Problem.of(type, webDetail(type)));
        if (status == 405) {
            Object allow = e.getResponse().getHeaders().getFirst(HttpHeaders.ALLOW);
            if (allow != null) {
                return Response.fromResponse(problem).header(HttpHeaders.ALLOW, allow).build();
            }
        }
        return problem;
    }

    @ServerExceptionMapper
    public Response constraint(org.hibernate.exception.ConstraintViolationException e) {
        return respond(Problem.of(ProblemType.CONFLICT, "The change conflicts with data saved meanwhile; read it again and retry."));
    }

    /** SQLSTATE class 22: the database refused a value as data, so the request carried it. */
    @ServerExceptionMapper
    public Response data(org.hibernate.exception.DataException e) {
        return respond(Problem.of(ProblemType.BAD_REQUEST, "A value in the request cannot be stored as given."));
    }

    /**
     * A write that lost to a concurrent one did nothing and may simply be sent again: PostgreSQL
     * aborted it (40001 serialization_failure, 40P01 deadlock_detected: 409), or it waited for a
     * row lock longer than the configured lock_timeout (55P03 lock_not_available: 503). Either way
     * the whole transaction rolled back, so Retry-After says when to try again.
     */
    private Response transientDatabaseFailure(SQLException e) {
        String state = e.getSQLState();
        if (LOCK_NOT_AVAILABLE.equals(state)) {
            return retryAfter(Problem.of(ProblemType.LOCK_TIMEOUT, "What you are changing is being changed by another "
                    + "request right now. Nothing was saved; send your request again in a moment."), LOCK_RETRY_SECONDS);
        }
        return retryAfter(Problem.of(ProblemType.WRITE_CONFLICT, "A concurrent change to the same data was saved at the "
                + "same moment. Nothing of yours was saved; send your request again."), CONFLICT_RETRY_SECONDS);
    }

    private Response retryAfter(Problem problem, long seconds) {
        return Response.fromResponse(respond(problem)).header(HttpHeaders.RETRY_AFTER, seconds).build();
    }

    /** The failure itself or, for a batch, one of the failures chained to it. */
    private static SQLException transientSqlFailure(Throwable t) {
        if (!(t instanceof SQLException first)) {
            return null;
        }
        for (SQLException sql = first; sql != null; sql = sql.getNextException() == sql ? null : sql.getNextException()) {
            if (sql.getSQLState() != null && TRANSIENT_STATES.contains(sql.getSQLState())) {
                return sql;
            }
        }
        return null;
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        Throwable cause = e;
        while (cause != null) {
            if (cause instanceof DomainException d) {
                return domain(d);
            }
            SQLException busy = transientSqlFailure(cause);
            if (busy != null) {
                return transientDatabaseFailure(busy);
            }
            if (cause instanceof org.hibernate.exception.ConstraintViolationException c) {
                return constraint(c);
            }
            if (cause instanceof org.hibernate.exception.DataException d) {
                return data(d);
            }
            cause = cause.getCause() == cause ? null : cause.getCause();
        }
        LOG.error("Unexpected failure", e);
        return respond(Problem.of(ProblemType.INTERNAL, "Something went wrong on our side. Nothing you sent was at fault."));
    }

    private Response challenge(String detail) {
        return Response.fromResponse(respond(Problem.of(ProblemType.UNAUTHORIZED, detail)))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"masthead\"").build();
    }

    private static Problem validation(String detail, List<FieldError> errors) {
        ProblemType t = ProblemType.VALIDATION;
        return new Problem(t.uri(), t.title(), t.status(), detail, errors, null);
    }

    private static String webDetail(ProblemType type) {
        return switch (type) {
            case NOT_FOUND -> "Nothing is here.";
            case METHOD_NOT_ALLOWED -> "This resource does not take that method.";
            case UNSUPPORTED_MEDIA_TYPE -> "Send the body as application/json.";
            case NOT_ACCEPTABLE -> "This resource answers in application/json.";
            case PAYLOAD_TOO_LARGE -> "The request body is larger than 1 MiB.";
            default -> "The request could not be understood.";
        };
    }

    /** Turns the path "create.request.body[2].text" into "body[2].text". */
    static String fieldOf(ConstraintViolation<?> v) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : v.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER) {
                continue;
            }
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        return field.length() == 0 ? "body" : field.toString();
    }

    Response respond(Problem problem) {
        try {
            return Response.status(problem.status())
                    .type(Problem.MEDIA_TYPE)
                    .entity(json.writeValueAsBytes(problem))
                    .build();
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
