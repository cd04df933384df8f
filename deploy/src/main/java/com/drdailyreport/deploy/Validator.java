package com.drdailyreport.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.scheduler.model.GetScheduleResponse;

/**
 * Phase 6, post-deploy validation (also {@code verify}): the API's health through API Gateway, no
 * {@code ERROR} or {@code Task timed out} in the functions' logs since the deploy began, every
 * function (and {@code live}) on the expected digest, and for the scheduler the worker function,
 * the state machine's fan-out and the 05:00 Bangkok schedule.
 */
final class Validator {

    static final String SCHEDULE_EXPRESSION = "cron(0 5 * * ? *)";
    static final String SCHEDULE_TIMEZONE = "Asia/Bangkok";
    static final String FAN_OUT_STATE = "FanOutToPatternWorkers";

    /** One check's outcome. */
    record Check(String name, boolean ok, String detail) {
    }

    private final Aws aws;
    private final FunctionUpdater functions;
    private final String env;

    Validator(Aws aws, FunctionUpdater functions, String env) {
        this.aws = aws;
        this.functions = functions;
        this.env = env;
    }

    /**
     * @param expected function (manifest entry) → the image URI it must run
     * @param since    start of the log scan (the deploy's start)
     */
    List<Check> run(EnvironmentDescriptor target, List<Manifest.Function> fns, Map<String, String> expected, Instant since,
                    boolean schedulerChecks) {
        List<Check> checks = new ArrayList<>();
        checks.add(health(target.apiUrl()));
        for (Manifest.Function f : fns) {
            checks.add(digest(f, expected.get(f.name())));
        }
        checks.add(logs(fns, since));
        if (schedulerChecks) {
            checks.add(functionExists("pattern-precompute"));
            checks.add(stateMachine(target.precomputeWorkflowArn()));
            checks.add(schedule(target.scheduleName(), target.scheduleGroup()));
        }
        return checks;
    }

    static void print(List<Check> checks, Console console) {
        checks.forEach(c -> console.line((c.ok() ? "ok   " : "FAIL ") + c.name() + ": " + c.detail()));
    }

    Check health(String apiUrl) {
        String name = "health";
        if (apiUrl == null) {
            return new Check(name, false, "no api_url for " + env + " (Terraform output, or --api-url)");
        }
        String url = apiUrl.replaceAll("/+$", "") + "/api/v1/health";
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            String status = "";
            try {
                JsonNode body = new ObjectMapper().readTree(r.body());
                status = body.path("status").asText("");
            } catch (Exception notJson) {
                status = "(not JSON)";
            }
            boolean ok = r.statusCode() == 200 && "ok".equals(status);
            return new Check(name, ok, "GET " + url + " → " + r.statusCode() + " status=" + status);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Check(name, false, "GET " + url + " interrupted");
        } catch (Exception e) {
            return new Check(name, false, "GET " + url + " failed: " + describe(e));
        }
    }

    /**
     * An exception in words for a check's detail: its message and its causes' ({@code HttpClient}'s
     * ConnectException and timeouts carry no message of their own, only a type).
     */
    static String describe(Throwable e) {
        List<String> parts = new ArrayList<>();
        for (Throwable t = e; t != null && parts.size() < 3; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage();
            String part = message == null || message.isBlank() ? t.getClass().getSimpleName() : t.getClass().getSimpleName() + ": " + message;
            if (parts.isEmpty() || !parts.get(parts.size() - 1).contains(part)) {
                parts.add(part);
            }
        }
        return String.join(" ← ", parts);
    }

    Check digest(Manifest.Function f, String expectedImageUri) {
        String fn = f.functionName(env);
        String name = "digest " + f.name();
        try {
            FunctionUpdater.Current c = functions.current(fn, f.liveAlias());
            if (c == null) {
                return new Check(name, false, fn + " does not exist");
            }
            String want = Digests.of(expectedImageUri);
            List<String> wrong = new ArrayList<>();
            if (!expectedImageUri.equals(c.imageUri())) {
                wrong.add("$LATEST runs " + c.imageUri());
            }
            if (!want.equals(Digests.of(c.resolvedImageUri()))) {
                wrong.add("$LATEST resolved to " + c.resolvedImageUri());
            }
            if (f.liveAlias() && !want.equals(Digests.of(c.liveImageUri()))) {
                wrong.add("live (version " + c.liveVersion() + ") runs " + c.liveImageUri());
            }
            return new Check(name, wrong.isEmpty(), wrong.isEmpty() ? fn + " on " + Digests.shortForm(want)
                    + (f.liveAlias() ? ", live = version " + c.liveVersion() : "") : String.join("; ", wrong));
        } catch (RuntimeException e) {
            return new Check(name, false, fn + ": " + describe(e));
        }
    }

    /** {@code ERROR} and {@code Task timed out} in every function's log group since {@code since}. */
    Check logs(List<Manifest.Function> fns, Instant since) {
        List<String> found = new ArrayList<>();
        for (Manifest.Function f : fns) {
            String group = "/aws/lambda/" + f.functionName(env);
            for (String pattern : List.of("ERROR", "\"Task timed out\"")) {
                try {
                    for (FilteredLogEvent e : aws.logs().filterLogEventsPaginator(b -> b.logGroupName(group)
                            .startTime(since.toEpochMilli()).filterPattern(pattern)).events()) {
                        found.add(f.name() + ": " + e.message().strip());
                        if (found.size() >= 5) {
                            break;
                        }
                    }
                } catch (software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException noGroupYet) {
                    // no invocation has logged yet: nothing to find
                } catch (RuntimeException e) {
                    found.add(f.name() + ": log scan failed: " + describe(e));
                }
            }
        }
        return new Check("logs", found.isEmpty(), found.isEmpty() ? "no ERROR or Task timed out since " + since
                : String.join(" | ", found.subList(0, Math.min(5, found.size()))));
    }

    Check functionExists(String manifestName) {
        String fn = "dr-daily-report-" + manifestName + "-" + env;
        return new Check(manifestName + " exists", functions.current(fn, false) != null, fn);
    }

    Check stateMachine(String arn) {
        String name = "state machine";
        if (arn == null) {
            return new Check(name, false, "no precompute_workflow_arn for " + env);
        }
        try {
            String definition = aws.sfn().describeStateMachine(b -> b.stateMachineArn(arn)).definition();
            boolean ok = definition != null && definition.contains(FAN_OUT_STATE);
            return new Check(name, ok, arn + (ok ? " fans out with " : " has no ") + FAN_OUT_STATE);
        } catch (RuntimeException e) {
            return new Check(name, false, arn + ": " + describe(e));
        }
    }

    Check schedule(String scheduleName, String group) {
        String name = "schedule";
        if (scheduleName == null) {
            return new Check(name, false, "no schedule_name for " + env);
        }
        try {
            GetScheduleResponse s = aws.scheduler().getSchedule(b -> b.name(scheduleName).groupName(group));
            List<String> wrong = new ArrayList<>();
            if (!"ENABLED".equals(s.stateAsString())) {
                wrong.add("state " + s.stateAsString());
            }
            if (!SCHEDULE_EXPRESSION.equals(s.scheduleExpression())) {
                wrong.add("expression " + s.scheduleExpression());
            }
            if (!SCHEDULE_TIMEZONE.equals(s.scheduleExpressionTimezone())) {
                wrong.add("time zone " + s.scheduleExpressionTimezone());
            }
            return new Check(name, wrong.isEmpty(), scheduleName + (wrong.isEmpty()
                    ? " ENABLED " + SCHEDULE_EXPRESSION + " " + SCHEDULE_TIMEZONE : ": " + String.join(", ", wrong)));
        } catch (RuntimeException e) {
            return new Check(name, false, scheduleName + ": " + describe(e));
        }
    }
}
