package org.cvkit.style.network;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.deeplearning4j.nn.graph.vertex.VertexIndices;
import org.deeplearning4j.nn.layers.normalization.BatchNormalization;

/**
 * Which vertices of a graph a set of feature layers depends on, in topological order: the forward pass computes
 * only these, and the backward pass visits them in reverse. Vertices after the deepest feature layer (a classifier,
 * detection heads) are never run.
 *
 * @param inputVertex the index of the graph's single input vertex
 * @param vertices    the indices of the vertices to compute, in topological order, without the input
 * @param layers      feature layer name to vertex index
 */
record GraphPlan(int inputVertex, int[] vertices, Map<String, Integer> layers) {

    /**
     * @param graph  an initialized graph with one input
     * @param layers the feature layers
     * @return the plan
     * @throws IllegalArgumentException if the graph has several inputs, a layer does not exist, or a needed vertex
     *                                  is a batch normalization (its statistics would be recomputed per image)
     */
    static GraphPlan of(ComputationGraph graph, Collection<String> layers) {
        List<String> inputs = graph.getConfiguration().getNetworkInputs();
        if (inputs.size() != 1) {
            throw new IllegalArgumentException("a loss network needs a graph with one image input, but it has "
                    + inputs.size() + ": " + inputs);
        }
        GraphVertex[] all = graph.getVertices();
        Map<String, Integer> indices = new LinkedHashMap<>();
        boolean[] needed = new boolean[all.length];
        Deque<Integer> pending = new ArrayDeque<>();
        for (String layer : layers) {
            GraphVertex vertex = graph.getVertex(layer);
            if (vertex == null) {
                throw new IllegalArgumentException("the graph has no layer " + layer + "; its vertices are "
                        + Arrays.stream(all).map(GraphVertex::getVertexName).toList());
            }
            indices.put(layer, vertex.getVertexIndex());
            pending.push(vertex.getVertexIndex());
        }
        while (!pending.isEmpty()) {
            int index = pending.pop();
            if (needed[index]) {
                continue;
            }
            needed[index] = true;
            VertexIndices[] sources = all[index].getInputVertices();
            for (VertexIndices source : sources == null ? new VertexIndices[0] : sources) {
                pending.push(source.getVertexIndex());
            }
        }
        int input = graph.getVertex(inputs.get(0)).getVertexIndex();
        int[] order = Arrays.stream(graph.topologicalSortOrder())
                .filter(index -> needed[index] && index != input).toArray();
        for (int index : order) {
            if (all[index].hasLayer() && all[index].getLayer() instanceof BatchNormalization) {
                throw new IllegalArgumentException("layer " + all[index].getVertexName() + " is a batch "
                        + "normalization, which back-propagates batch statistics; fold it into the preceding "
                        + "convolution first (as DarknetImporter does)");
            }
        }
        return new GraphPlan(input, order, Map.copyOf(indices));
    }
}
