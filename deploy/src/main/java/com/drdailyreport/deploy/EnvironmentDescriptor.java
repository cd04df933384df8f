package com.drdailyreport.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;

/**
 * What Terraform created for an environment, as it publishes it in SSM Parameter Store at
 * {@code /dr-daily-report/ENV/deploy/environment} (the same values as its outputs), so the deploy
 * tool needs neither a Terraform binary nor the state to find the API, the repository, the state
 * machine, the schedule and the Mini App bucket.
 */
record EnvironmentDescriptor(String apiUrl, String ecrRepositoryUrl, String precomputeWorkflowArn, String scheduleName,
                             String scheduleGroup, String miniappBucket, String cloudfrontDistributionId) {

    static String parameterName(String env) {
        return "/dr-daily-report/" + env + "/deploy/environment";
    }

    static EnvironmentDescriptor read(SsmClient ssm, String env) {
        String name = parameterName(env);
        String value;
        try {
            value = ssm.getParameter(b -> b.name(name)).parameter().value();
        } catch (ParameterNotFoundException e) {
            throw new IllegalStateException("environment " + env + " has no " + name + " parameter: Terraform creates it — "
                    + "a new environment starts with `deploy --env " + env + " --push-only` and the terraform apply it prints");
        }
        try {
            JsonNode j = new ObjectMapper().readTree(value);
            return new EnvironmentDescriptor(text(j, "api_url"), text(j, "ecr_repository_url"), text(j, "precompute_workflow_arn"),
                    text(j, "schedule_name"), j.path("schedule_group").asText("default"), text(j, "miniapp_bucket"),
                    text(j, "cloudfront_distribution_id"));
        } catch (IOException e) {
            throw new IllegalStateException(name + " is not JSON: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode j, String field) {
        String v = j.path(field).asText("");
        return v.isBlank() ? null : v;
    }

    EnvironmentDescriptor withApiUrl(String url) {
        return url == null ? this : new EnvironmentDescriptor(url, ecrRepositoryUrl, precomputeWorkflowArn, scheduleName, scheduleGroup,
                miniappBucket, cloudfrontDistributionId);
    }
}
