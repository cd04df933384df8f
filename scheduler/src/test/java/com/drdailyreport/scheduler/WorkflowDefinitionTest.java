package com.drdailyreport.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import com.drdailyreport.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * terraform/step_functions/precompute_workflow.json as committed: its structure, its guards, and
 * its agreement with the Terraform that fills it. (.ci/run also runs the asl-validator on it.)
 */
class WorkflowDefinitionTest {

    private static final Path TERRAFORM = Path.of("..", "terraform");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(\\w+)}");

    private static JsonNode definition() throws IOException {
        return Json.read(Files.readString(TERRAFORM.resolve("step_functions/precompute_workflow.json")));
    }

    @Test
    void theNamedStatesArePresentInOrder() throws IOException {
        JsonNode states = definition().get("States");
        assertThat(definition().get("StartAt").asText()).isEqualTo("LoadSettings");
        assertThat(states.get("LoadSettings").get("Next").asText()).isEqualTo("PrepareTickerList");
        assertThat(states.get("ParallelProcessing").get("Type").asText()).isEqualTo("Parallel");
        assertThat(states.get("ParallelProcessing").get("Next").asText()).isEqualTo("SummarizeResults");
        List<String> branches = new ArrayList<>();
        states.get("ParallelProcessing").get("Branches").forEach(b -> branches.add(b.get("StartAt").asText()));
        assertThat(branches).containsExactly("FanOutToReportWorkers", "FanOutToPatternWorkers");
    }

    @Test
    void everyTransitionTargetExistsInItsScope() throws IOException {
        List<String> problems = new ArrayList<>();
        checkScope(definition(), "top", problems);
        assertThat(problems).isEmpty();
    }

    @Test
    void everyMapIsBoundedSelectsItsItemsAndCatchesEachWorkerFailure() throws IOException {
        List<JsonNode> maps = new ArrayList<>();
        collect(definition(), "Map", maps);
        assertThat(maps).hasSize(2);
        for (JsonNode map : maps) {
            assertThat(map.get("MaxConcurrencyPath").asText()).startsWith("$.settings.");
            assertThat(map.get("ItemSelector").get("ticker.$").asText()).isEqualTo("$$.Map.Item.Value");
            JsonNode processor = map.get("ItemProcessor");
            assertThat(processor).isNotNull();
            List<JsonNode> tasks = new ArrayList<>();
            collect(processor, "Task", tasks);
            assertThat(tasks).isNotEmpty().allSatisfy(task -> {
                JsonNode catchAll = task.get("Catch").get(0);
                assertThat(catchAll.get("ErrorEquals").get(0).asText()).isEqualTo("States.ALL");
                JsonNode handler = processor.get("States").get(catchAll.get("Next").asText());
                // a failed worker becomes {ticker, status:"error", error}: one ticker cannot fail the run
                assertThat(handler.get("Parameters").get("status").asText()).isEqualTo("error");
                assertThat(handler.get("Parameters").has("ticker.$")).isTrue();
            });
        }
    }

    @Test
    void everyChoiceGuardsTheVariablesItCompares() throws IOException {
        List<JsonNode> choices = new ArrayList<>();
        collect(definition(), "Choice", choices);
        assertThat(choices).hasSize(3);
        for (JsonNode choice : choices) {
            assertThat(choice.has("Default")).as("Choice without Default").isTrue();
            for (JsonNode rule : choice.get("Choices")) {
                Set<String> guarded = new HashSet<>();
                Set<String> compared = new HashSet<>();
                for (JsonNode condition : rule.has("And") ? rule.get("And") : List.of(rule)) {
                    String variable = condition.get("Variable").asText();
                    if (condition.has("IsPresent")) {
                        guarded.add(variable);
                    } else {
                        compared.add(variable);
                    }
                }
                assertThat(guarded).as("unguarded variables in " + rule).containsAll(compared);
            }
        }
    }

    @Test
    void everyTaskResourceIsAPlaceholderTheTerraformFileProvides() throws IOException {
        List<JsonNode> tasks = new ArrayList<>();
        collect(definition(), "Task", tasks);
        Set<String> resources = new HashSet<>();
        for (JsonNode task : tasks) {
            Matcher m = PLACEHOLDER.matcher(task.get("Resource").asText());
            assertThat(m.matches()).as("Task resource must be a ${placeholder}: " + task.get("Resource")).isTrue();
            resources.add(m.group(1));
        }
        assertThat(resources).containsExactlyInAnyOrder("get_ticker_list_arn", "report_worker_arn", "pattern_worker_arn",
                "precompute_controller_arn");

        Set<String> used = new HashSet<>();
        Matcher all = PLACEHOLDER.matcher(Files.readString(TERRAFORM.resolve("step_functions/precompute_workflow.json")));
        while (all.find()) {
            used.add(all.group(1));
        }
        String tf = Files.readString(TERRAFORM.resolve("precompute_workflow.tf"));
        int call = tf.indexOf("templatefile(\"");
        assertThat(call).as("precompute_workflow.tf calls templatefile(...)").isPositive();
        String templateArgs = tf.substring(tf.indexOf('{', call) + 1, tf.indexOf("})", call));
        Set<String> provided = new HashSet<>();
        Matcher arg = Pattern.compile("(?m)^\\s*(\\w+)\\s*=").matcher(templateArgs);
        while (arg.find()) {
            provided.add(arg.group(1));
        }
        assertThat(provided).isEqualTo(used);
    }

    @Test
    void noEnvironmentsFanOutExceedsItsConnectionBudget() throws IOException {
        List<Path> envs;
        try (Stream<Path> files = Files.list(TERRAFORM.resolve("envs"))) {
            envs = files.filter(p -> p.toString().endsWith(".tfvars")).sorted().toList();
        }
        assertThat(envs).extracting(p -> p.getFileName().toString()).containsExactly("dev.tfvars", "prod.tfvars", "staging.tfvars");
        for (Path env : envs) {
            Map<String, String> vars = tfvars(env);
            assertThat(connectionDemand(vars)).as(env + ": both Map branches run at once")
                    .isLessThanOrEqualTo(Integer.parseInt(vars.get("db_connection_budget")));
            assertThat(vars.get("worker_db_pool_size")).as(env + ": one pooled connection per worker").isEqualTo("1");
        }
    }

    @Test
    void theBudgetCheckCatchesAnOverCommittedEnvironment() {
        // The reference system's Map ran 46 workers at once against Aurora: (46 + 46) x 1 > any budget here.
        Map<String, String> vars = new HashMap<>(Map.of("report_max_concurrency", "46", "pattern_max_concurrency", "46",
                "worker_db_pool_size", "1"));
        assertThat(connectionDemand(vars)).isEqualTo(92);
        vars.put("worker_db_pool_size", "2");
        assertThat(connectionDemand(vars)).isEqualTo(184);
    }

    /** Connections the fan-out holds at its peak: both branches' workers at once, each with its pool. */
    static int connectionDemand(Map<String, String> vars) {
        return (Integer.parseInt(vars.get("report_max_concurrency")) + Integer.parseInt(vars.get("pattern_max_concurrency")))
                * Integer.parseInt(vars.get("worker_db_pool_size"));
    }

    static Map<String, String> tfvars(Path file) throws IOException {
        Map<String, String> vars = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int eq = trimmed.indexOf('=');
            vars.put(trimmed.substring(0, eq).strip(), trimmed.substring(eq + 1).strip().replace("\"", ""));
        }
        return vars;
    }

    private static void checkScope(JsonNode machine, String scope, List<String> problems) {
        JsonNode states = machine.get("States");
        Set<String> names = new HashSet<>();
        states.fieldNames().forEachRemaining(names::add);
        if (!names.contains(machine.get("StartAt").asText())) {
            problems.add(scope + ": StartAt " + machine.get("StartAt").asText() + " missing");
        }
        states.properties().forEach(entry -> {
            JsonNode state = entry.getValue();
            List<String> targets = new ArrayList<>();
            if (state.has("Next")) {
                targets.add(state.get("Next").asText());
            }
            if (state.has("Default")) {
                targets.add(state.get("Default").asText());
            }
            state.path("Choices").forEach(c -> targets.add(c.get("Next").asText()));
            state.path("Catch").forEach(c -> targets.add(c.get("Next").asText()));
            for (String target : targets) {
                if (!names.contains(target)) {
                    problems.add(scope + "." + entry.getKey() + " → " + target + " does not exist");
                }
            }
            boolean terminal = state.path("End").asBoolean(false) || state.get("Type").asText().matches("Succeed|Fail|Choice");
            if (!terminal && !state.has("Next")) {
                problems.add(scope + "." + entry.getKey() + " has neither Next nor End");
            }
            state.path("Branches").forEach(b -> checkScope(b, scope + "." + entry.getKey(), problems));
            if (state.has("ItemProcessor")) {
                checkScope(state.get("ItemProcessor"), scope + "." + entry.getKey(), problems);
            }
        });
    }

    private static void collect(JsonNode node, String type, List<JsonNode> out) {
        if (node.isObject()) {
            if (type.equals(node.path("Type").asText())) {
                out.add(node);
            }
            node.forEach(child -> collect(child, type, out));
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, type, out));
        }
    }
}
