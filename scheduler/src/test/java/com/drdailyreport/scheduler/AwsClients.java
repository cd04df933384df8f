package com.drdailyreport.scheduler;

import com.drdailyreport.shared.testing.MotoServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sfn.SfnClient;

/** SDK clients pointed at a moto_server, built like production's (URL-connection HTTP client). */
final class AwsClients {

    private static final StaticCredentialsProvider CREDENTIALS = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));

    private AwsClients() {
    }

    static SfnClient sfn(MotoServer moto) {
        return SfnClient.builder().endpointOverride(moto.endpoint()).region(Region.of(MotoServer.REGION)).credentialsProvider(CREDENTIALS)
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    static LambdaClient lambda(MotoServer moto) {
        return LambdaClient.builder().endpointOverride(moto.endpoint()).region(Region.of(MotoServer.REGION)).credentialsProvider(CREDENTIALS)
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    static IamClient iam(MotoServer moto) {
        return IamClient.builder().endpointOverride(moto.endpoint()).region(Region.AWS_GLOBAL).credentialsProvider(CREDENTIALS)
                .httpClient(UrlConnectionHttpClient.create()).build();
    }
}
