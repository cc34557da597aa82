/*
 * Copyright 2026 the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.github.quietshutdown.catalogue;

import java.util.UUID;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.HazelcastClientNotActiveException;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.map.IMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static io.github.quietshutdown.catalogue.Classification.assertNotSymptom;
import static io.github.quietshutdown.catalogue.Classification.assertSymptom;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Hazelcast (version from the Spring Boot BOM): one embedded member, bound to 127.0.0.1 with
 * every discovery mechanism off, and one client connected to it. Both are really shut down
 * and their maps used afterwards.
 */
@ExtendWith(NoThreadLeaks.class)
class HazelcastSymptomsTests {

	@Test
	void memberAndClientMapsUsedAfterShutdown() {
		String cluster = "quiet-shutdown-" + UUID.randomUUID();
		HazelcastInstance member = Hazelcast.newHazelcastInstance(memberConfig(cluster));
		try {
			IMap<String, String> memberMap = member.getMap("things");
			memberMap.put("key", "value");
			HazelcastInstance client = HazelcastClient.newHazelcastClient(clientConfig(cluster, member));
			IMap<String, String> clientMap = client.getMap("things");
			assertThat(clientMap.get("key")).isEqualTo("value");

			client.shutdown();
			HazelcastClientNotActiveException clientEx = catchThrowableOfType(HazelcastClientNotActiveException.class,
					() -> clientMap.put("key", "other"));
			assertThat(clientEx).hasMessage("Client is not active.");
			assertSymptom(clientEx, "hazelcast.client-not-active");

			member.shutdown();
			HazelcastInstanceNotActiveException memberEx = catchThrowableOfType(
					HazelcastInstanceNotActiveException.class, () -> memberMap.put("key", "other"));
			assertThat(memberEx).hasMessage("Hazelcast instance is not active!");
			assertSymptom(memberEx, "hazelcast.instance-not-active");
		}
		finally {
			Hazelcast.shutdownAll();
			HazelcastClient.shutdownAll();
		}
	}

	@Test
	void startupMessageIsNotAShutdownSymptom() {
		// Constructed: AbstractMessageTask rejects client messages with this while a member
		// starts; the same class, a different phase of life.
		assertNotSymptom(new HazelcastInstanceNotActiveException("Hazelcast instance is not ready yet!"));
	}

	private static Config memberConfig(String cluster) {
		Config config = new Config();
		config.setClusterName(cluster);
		config.setProperty("hazelcast.phone.home.enabled", "false");
		config.setProperty("hazelcast.shutdownhook.enabled", "false");
		config.setProperty("hazelcast.local.localAddress", "127.0.0.1");
		config.setProperty("hazelcast.logging.type", "slf4j");
		NetworkConfig network = config.getNetworkConfig();
		network.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
		JoinConfig join = network.getJoin();
		join.getMulticastConfig().setEnabled(false);
		join.getTcpIpConfig().setEnabled(false);
		join.getAutoDetectionConfig().setEnabled(false);
		return config;
	}

	private static ClientConfig clientConfig(String cluster, HazelcastInstance member) {
		ClientConfig config = new ClientConfig();
		config.setClusterName(cluster);
		config.setProperty("hazelcast.phone.home.enabled", "false");
		config.setProperty("hazelcast.shutdownhook.enabled", "false");
		config.setProperty("hazelcast.logging.type", "slf4j");
		String address = member.getCluster().getLocalMember().getAddress().getHost() + ":"
				+ member.getCluster().getLocalMember().getAddress().getPort();
		config.getNetworkConfig().addAddress(address);
		return config;
	}

}
