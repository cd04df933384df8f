package com.drdailyreport.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import com.drdailyreport.shared.json.Json;
import com.drdailyreport.shared.testing.MotoServer;
import com.drdailyreport.shared.time.BusinessClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ListExecutionsRequest;

/** precompute-controller's start path with the real Step Functions SDK client, against moto_server. */
class StepFunctionsStarterIT {

    private static MotoServer moto;
    private static SfnClient sfn;
    private static String stateMachineArn;

    @BeforeAll
    static void stateMachine() throws Exception {
        moto = MotoServer.start();
        sfn = AwsClients.sfn(moto);
        String definition = Files.readString(Path.of("..", "terraform", "step_functions", "precompute_workflow.json"));
        stateMachineArn = sfn.createStateMachine(b -> b.name("dr-daily-report-precompute-workflow-dev").definition(definition)
                .roleArn("arn:aws:iam::" + MotoServer.ACCOUNT + ":role/dr-daily-report-precompute-workflow-dev")).stateMachineArn();
    }

    @AfterAll
    static void stop() {
        if (sfn != null) {
            sfn.close();
        }
        if (moto != null) {
            moto.close();
        }
    }

    @Test
    void twoStartsInTheSameSecondAreTwoExecutionsWithTheTriggerRecorded() {
        BusinessClock sameSecond = BusinessClock.fixed(Instant.parse("2026-01-14T22:00:00Z"));
        PrecomputeController controller = new PrecomputeController(new StepFunctionsStarter(sfn, stateMachineArn), sameSecond,
                new SecureRandom());

        Map<String, Object> first = controller.start("scheduler", Map.of("success_count", 56));
        Map<String, Object> second = controller.start("post-deploy", null);

        assertThat(first.get("execution_name")).isNotEqualTo(second.get("execution_name"));
        assertThat(sfn.listExecutions(ListExecutionsRequest.builder().stateMachineArn(stateMachineArn).build()).executions()).hasSize(2);
        DescribeExecutionResponse described = sfn.describeExecution(b -> b.executionArn((String) first.get("execution_arn")));
        assertThat(described.name()).isEqualTo(first.get("execution_name")).startsWith("precompute-20260115-050000-");
        assertThat(Json.read(described.input()).get("triggered_by").asText()).isEqualTo("scheduler");
        assertThat(Json.read(described.input()).get("business_date").asText()).isEqualTo("2026-01-15");
    }
}
